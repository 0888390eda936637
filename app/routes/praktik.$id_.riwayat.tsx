import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RevisionDiffView } from "~/components/practices/revision-diff-view";
import { Badge } from "~/components/ui/badge";
import { Panel } from "~/components/ui/panel";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { diffBetween } from "~/modules/practices/practice-view.server";
import { getRevisionByNumber, listRevisions, requireWorkingCopy } from "~/modules/practices/index.server";
import { requestQuery } from "~/modules/http/request-input";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Every revision with who saved it when; the chosen one (?revisi=N) diffed against the one before. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { practice } = await requireWorkingCopy(request, context, params.id);
  const translator = await translatorForRequest(request);
  const revisions = await listRevisions(practice.id);
  const requested = Number(requestQuery(request).get("revisi"));
  const selectedNumber = revisions.some((revision) => revision.number === requested) ? requested : practice.version;
  const [selected, previous] = await Promise.all([
    getRevisionByNumber(practice.id, selectedNumber),
    selectedNumber > 1 ? getRevisionByNumber(practice.id, selectedNumber - 1) : null,
  ]);
  if (!selected) throw new Response(null, { status: 404 });
  return {
    title: translator.t("history.pageTitle", { title: selected.title }),
    practiceId: practice.id,
    publishedRevisionId: practice.publishedRevisionId,
    revisions,
    selectedNumber,
    changes: await diffBetween(previous, selected, translator),
  };
}

export default function PracticeHistory() {
  const { practiceId, publishedRevisionId, revisions, selectedNumber, changes } = useLoaderData<typeof loader>();
  const { t, formatDate } = useWorkspaceTranslator();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/praktik/${practiceId}/tinjauan`}>← {t("review.title")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("history.title")}</h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-[18rem_1fr]">
        <nav aria-label={t("history.revisions")}>
          <ol className="space-y-2">
            {revisions.map((revision) => (
              <li key={revision.id}>
                <Link
                  to={`?revisi=${revision.number}`}
                  aria-current={revision.number === selectedNumber ? "page" : undefined}
                  className={`block rounded-md border p-3 no-underline ${revision.number === selectedNumber ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}
                >
                  <span className="font-semibold">{t("review.revision", { number: revision.number })}</span>{" "}
                  {revision.id === publishedRevisionId ? <Badge tone="success">{t("practiceState.published")}</Badge> : null}
                  <span className="block text-sm text-slate-700">
                    {revision.authorName ?? t("review.system")} · {formatDate(revision.createdAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <Panel id="diff" title={selectedNumber > 1 ? t("history.changesIn", { number: selectedNumber }) : t("history.firstRevision")}>
          <RevisionDiffView changes={changes} />
        </Panel>
      </div>
    </div>
  );
}
