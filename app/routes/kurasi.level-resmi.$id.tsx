import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FigureSources, FigureValue, KindBadge } from "~/components/benchmark/figure";
import { LevelSubmissionStatus } from "~/components/benchmark/level-submission-status";
import { DataTable } from "~/components/ui/data-table";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextAreaField } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import { requirePermission } from "~/modules/auth/guards.server";
import { getSubmissionReview, reviewSubmission } from "~/modules/benchmark/level-submissions.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

function submissionId(params: { id?: string }): number {
  if (!params.id || !/^\d{1,9}$/.test(params.id)) throw new Response(null, { status: 404 });
  return Number(params.id);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "assessment.verify" });
  const review = await getSubmissionReview(submissionId(params));
  if (!review) throw new Response(null, { status: 404 });
  const { t } = await translatorForRequest(request);
  return { title: t("levelReports.reviewTitle", { region: review.submission.regionName, year: review.submission.year }), review };
}

type ActionResult = { errors: FieldErrors; note: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "assessment.verify" });
  await requireWithinLimit(context, "curation", user.id);
  const id = submissionId(params);
  const form = await readForm(request);
  const decision = form.get("keputusan") === "verifikasi" ? "verify" : form.get("keputusan") === "kembalikan" ? "return" : null;
  const note = String(form.get("catatan") ?? "").slice(0, 1000);
  if (!decision) return data({ errors: { form: { code: "decisionNotAllowed" } }, note } satisfies ActionResult, { status: 400 });
  const result = await reviewSubmission({ id, decision, note, actorId: user.id, ip: context.clientIp });
  if (result.ok) return redirect(`/kurasi/level-resmi?diputuskan=${id}`);
  if (result.reason === "invalid") return data({ errors: result.errors, note } satisfies ActionResult, { status: 400 });
  return data({ errors: { form: { code: "decisionNotAllowed" } }, note } satisfies ActionResult, { status: 409 });
}

export default function LevelReportReview() {
  const { review } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t, formatIndex } = useWorkspaceTranslator();
  const { submission } = review;
  const differs = (a: number | null, b: number | null) => a !== null && b !== null && a !== b;
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to="/kurasi/level-resmi">← {t("levelReports.queueTitle")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("levelReports.reviewTitle", { region: submission.regionName, year: submission.year })}</h1>
        <div className="mt-2 text-sm">
          <LevelSubmissionStatus submission={submission} />
        </div>
        {submission.editorNote ? (
          <p className="mt-2 text-sm text-slate-700">
            {t("levelReports.editorNote")}: {submission.editorNote}
          </p>
        ) : null}
      </div>

      <Panel id="indices" title={t("levelReports.indices")}>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("levelReports.computedIndex")}</dt>
            <dd className="text-lg font-semibold tabular-nums">{review.computed === null ? "—" : formatIndex(review.computed)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("levelReports.reportedIndex")}</dt>
            <dd className="text-lg font-semibold tabular-nums">{submission.reportedIndex === null ? "—" : formatIndex(submission.reportedIndex)}</dd>
            {review.reportMismatch ? <dd className="text-xs text-red-700">{t("levelReports.reportMismatch")}</dd> : null}
          </div>
          <div>
            <dt className="flex items-center gap-2 text-slate-600">
              {t("compare.officialIndex")} <KindBadge kind="official" />
            </dt>
            <dd className="text-lg font-semibold">{review.official ? <FigureValue figure={review.official} /> : "—"}</dd>
            {review.official ? (
              <dd className="text-xs">
                <FigureSources figure={review.official} />
              </dd>
            ) : null}
            {review.officialMismatch ? <dd className="text-xs text-red-700">{t("figures.mismatch")}</dd> : null}
          </div>
        </dl>
      </Panel>

      <Panel id="levels" title={t("levelReports.levelsCompared")}>
        <DataTable
          className="mt-3"
          density="dense"
          caption={t("levelReports.levelsCompared")}
          rows={review.indicators}
          rowKey={(indicator) => indicator.id}
          rowClassName={(indicator) => (differs(indicator.reported, indicator.verified) ? "bg-amber-50" : undefined)}
          columns={[
            { id: "indicator", header: t("compare.indicator"), rowHeader: true, cellClassName: "font-normal", cell: (indicator) => `${indicator.number}. ${indicator.name}` },
            { id: "reported", header: t("levelReports.reportedLevel"), align: "center", cell: (indicator) => indicator.reported ?? "—", cellClassName: "font-semibold" },
            { id: "verified", header: t("levelReports.verifiedLevel"), align: "center", cell: (indicator) => indicator.verified ?? "—" },
            { id: "self", header: t("levelReports.selfLevel"), align: "center", cell: (indicator) => indicator.self ?? "—" },
          ]}
        />
      </Panel>

      {submission.status === "submitted" ? (
        <Panel id="decision" title={t("levelReports.decision")}>
          <SubmitForm method="post" className="mt-3 space-y-3">
            {result?.errors.form ? <Alert tone="error">{t("levelReports.alreadyDecided")}</Alert> : null}
            <p className="text-sm text-slate-700">{t("levelReports.decisionHelp")}</p>
            <TextAreaField name="catatan" label={t("levelReports.reviewNote")} hint={t("levelReports.reviewNoteHint")} defaultValue={result?.note ?? ""} error={result?.errors.catatan} rows={3} />
            <div className="flex flex-wrap gap-3">
              <SubmitButton name="keputusan" value="verifikasi" className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">
                {t("levelReports.verify")}
              </SubmitButton>
              <SubmitButton name="keputusan" value="kembalikan" className="rounded-md px-4 py-2 font-semibold text-red-800 ring-1 ring-red-700 disabled:opacity-60">
                {t("levelReports.return")}
              </SubmitButton>
            </div>
          </SubmitForm>
        </Panel>
      ) : null}
    </div>
  );
}
