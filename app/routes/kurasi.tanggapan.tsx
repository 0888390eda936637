import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KindBadge } from "~/components/benchmark/figure";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/filters";
import { requirePermission } from "~/modules/auth/guards.server";
import { listRecentFigureNotes } from "~/modules/benchmark/figure-notes.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Curators: the latest notes regions signed on their figures, to moderate on the region's page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "figure.moderate" });
  const [notes, { t }] = await Promise.all([listRecentFigureNotes(), translatorForRequest(request)]);
  return { title: t("figures.moderationTitle"), notes };
}

export default function FigureNoteModeration() {
  const { notes } = useLoaderData<typeof loader>();
  const { t, formatDate } = useWorkspaceTranslator();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm">
        <Link to="/praktik/kelola">← {t("workspace.queueTitle")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("figures.moderationTitle")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("figures.moderationLead")}</p>
      {notes.length === 0 ? (
        <EmptyState title={t("figures.moderationEmpty")} />
      ) : (
        <ul className="mt-6 space-y-3">
          {notes.map((note) => (
            <li key={note.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <Link to={`/daerah/${note.regionCode}#spbe-heading`} className="font-semibold">
                  {note.regionName}
                </Link>
                <span>{note.year}</span>
                <KindBadge kind={note.kind} />
                {note.hiddenAt ? <Badge tone="neutral">{note.hiddenReason === "withdrawn" ? t("figures.withdrawn") : t("figures.hidden", { reason: note.hiddenReason ?? "" })}</Badge> : null}
              </p>
              <p className="mt-1">{note.body}</p>
              <p className="mt-1 text-xs text-slate-600">{t("figures.noteSignature", { name: note.authorName, date: formatDate(note.createdAt) })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
