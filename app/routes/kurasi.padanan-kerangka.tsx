import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { EmptyState } from "~/components/ui/filters";
import { requirePermission } from "~/modules/auth/guards.server";
import type { CrosswalkStatus } from "~/modules/frameworks";
import { getFrameworkSummary, listCrosswalk, PEMDI_2026, reviewCrosswalkPair, SPBE_2020 } from "~/modules/frameworks/index.server";
import { parseRecordNumber } from "~/modules/forms/form-data";
import { readForm } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Curators: which SPBE 2020 aspect covers the topic of which Pemdi 2026 aspect, each pair confirmed or rejected here. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "framework.crosswalk" });
  const [pairs, from, to, { t }] = await Promise.all([listCrosswalk(SPBE_2020, PEMDI_2026), getFrameworkSummary(SPBE_2020), getFrameworkSummary(PEMDI_2026), translatorForRequest(request)]);
  return { title: t("assessmentFrameworks.curator.title"), pairs, from: from?.shortName ?? SPBE_2020, to: to?.shortName ?? PEMDI_2026 };
}

// A Map, not an object: a posted "constructor" or "__proto__" must not find anything.
const DECISIONS = new Map<string, CrosswalkStatus>([
  ["konfirmasi", "confirmed"],
  ["tolak", "rejected"],
  ["usulan", "proposed"],
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "framework.crosswalk" });
  await requireWithinLimit(context, "curation", user.id);
  const form = await readForm(request);
  const id = parseRecordNumber(form.get("padanan"));
  const status = DECISIONS.get(String(form.get("keputusan")));
  const done = id !== null && status !== undefined && (await reviewCrosswalkPair({ id, status, actorId: user.id, ip: context.clientIp }));
  if (!done) return data({ unknownPair: true }, { status: 400 });
  return redirect("/kurasi/padanan-kerangka?tercatat=1");
}

const statusTone: Record<CrosswalkStatus, BadgeTone> = { proposed: "neutral", confirmed: "success", rejected: "danger" };

export default function FrameworkCrosswalk() {
  const { pairs, from, to } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, formatDate } = useWorkspaceTranslator();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link to="/praktik/kelola">← {t("workspace.queueTitle")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("assessmentFrameworks.curator.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("assessmentFrameworks.curator.lead", { from, to })}</p>
      <div className="mt-4 space-y-2">
        {searchParams.get("tercatat") && !result ? <Alert tone="success">{t("assessmentFrameworks.curator.decided")}</Alert> : null}
        {result?.unknownPair ? <Alert tone="error">{t("assessmentFrameworks.curator.unknownPair")}</Alert> : null}
      </div>
      {pairs.length === 0 ? (
        <EmptyState title={t("assessmentFrameworks.curator.empty")} />
      ) : (
        <table className="mt-6 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-4">
                {t("assessmentFrameworks.curator.from", { framework: from })}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("assessmentFrameworks.curator.to", { framework: to })}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("assessmentFrameworks.curator.note")}
              </th>
              <th scope="col" className="py-2">
                {t("assessmentFrameworks.curator.status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((pair) => (
              <tr key={pair.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-4 font-medium">
                  {pair.from.number}. {pair.from.name}
                </th>
                <td className="py-2 pr-4 font-medium">
                  {pair.to.number}. {pair.to.name}
                </td>
                <td className="max-w-md py-2 pr-4 text-slate-700">{pair.note}</td>
                <td className="py-2">
                  <Badge tone={statusTone[pair.status]}>{t(`assessmentFrameworks.status.${pair.status}`)}</Badge>
                  {pair.reviewedBy && pair.reviewedAt ? <p className="mt-1 text-xs text-slate-600">{t("assessmentFrameworks.curator.reviewedBy", { name: pair.reviewedBy, date: formatDate(pair.reviewedAt) })}</p> : null}
                  <SubmitForm method="post" className="mt-2 flex flex-wrap gap-2">
                    <input type="hidden" name="padanan" value={pair.id} />
                    {pair.status !== "confirmed" ? (
                      <SubmitButton name="keputusan" value="konfirmasi" aria-label={`${t("assessmentFrameworks.curator.confirm")}: ${pair.from.number} → ${pair.to.number}`} className="rounded-md bg-brand-700 px-3 py-1 text-xs font-semibold text-white hover:bg-brand-800">
                        {t("assessmentFrameworks.curator.confirm")}
                      </SubmitButton>
                    ) : null}
                    {pair.status !== "rejected" ? (
                      <SubmitButton name="keputusan" value="tolak" aria-label={`${t("assessmentFrameworks.curator.reject")}: ${pair.from.number} → ${pair.to.number}`} className="rounded-md px-3 py-1 text-xs font-semibold text-red-800 ring-1 ring-red-700">
                        {t("assessmentFrameworks.curator.reject")}
                      </SubmitButton>
                    ) : null}
                    {pair.status !== "proposed" ? (
                      <SubmitButton name="keputusan" value="usulan" aria-label={`${t("assessmentFrameworks.curator.reopen")}: ${pair.from.number} → ${pair.to.number}`} className="rounded-md px-3 py-1 text-xs font-semibold text-slate-800 ring-1 ring-slate-400">
                        {t("assessmentFrameworks.curator.reopen")}
                      </SubmitButton>
                    ) : null}
                  </SubmitForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
