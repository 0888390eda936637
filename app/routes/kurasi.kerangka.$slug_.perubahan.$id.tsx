import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FrameworkDiffList } from "~/components/frameworks/framework-diff";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextAreaField } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import { requirePermission } from "~/modules/auth/guards.server";
import { invalidateBenchmarkData } from "~/modules/benchmark/benchmark-data.server";
import { decideFrameworkChange, type DecisionResult, getFrameworkChangeReview } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

async function requireReview(params: { slug?: string; id?: string }) {
  const slug = params.slug ?? "";
  const review = /^[a-z0-9-]{1,60}$/.test(slug) && params.id && /^\d{1,9}$/.test(params.id) ? await getFrameworkChangeReview(slug, Number(params.id)) : null;
  if (!review) throw new Response(null, { status: 404 });
  return review;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "framework.review" });
  const review = await requireReview(params);
  const { t } = await translatorForRequest(request);
  return { title: t("frameworkEditor.review.title", { id: review.change.id, name: review.framework.shortName }), review, ownChange: review.change.proposedById === user.id };
}

type ActionResult = { refused: Extract<DecisionResult, { ok: false }>["reason"]; note: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "framework.review" });
  await requireWithinLimit(context, "curation", user.id);
  const review = await requireReview(params);
  const form = await readForm(request);
  const choice = form.get("keputusan");
  const note = String(form.get("catatan") ?? "").slice(0, 2001);
  if (choice !== "setujui" && choice !== "tolak") return data({ refused: "notPending", note } satisfies ActionResult, { status: 400 });
  const result = await decideFrameworkChange({ id: review.change.id, decision: choice === "setujui" ? "approve" : "reject", note, actorId: user.id, ip: context.clientIp });
  // The benchmark snapshot holds the recomputed indices; the frameworks area sits below benchmark and cannot drop it itself.
  if (result.ok && result.version !== null) await invalidateBenchmarkData();
  if (result.ok) return redirect(`/kurasi/kerangka/${review.framework.slug}/perubahan/${review.change.id}`);
  return data({ refused: result.reason, note } satisfies ActionResult, { status: result.reason === "noteRequired" ? 400 : 409 });
}

export default function FrameworkChangeReview() {
  const { review, ownChange } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t, formatDate, formatIndex } = useWorkspaceTranslator();
  const { framework, change, diff, effect, stale } = review;
  const refusal = result ? (result.refused === "stale" ? t("frameworkEditor.review.stale", { version: framework.version }) : t(`frameworkEditor.review.${result.refused}`)) : null;
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to={`/kurasi/kerangka/${framework.slug}`}>← {t("frameworkEditor.review.back")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("frameworkEditor.review.title", { id: change.id, name: framework.shortName })}</h1>
        <p className="mt-2 font-semibold" role="status">
          {t(`frameworkEditor.changeStatus.${change.status}`)}
        </p>
        <p className="mt-1 text-sm text-slate-700">{t("frameworkEditor.review.proposedBy", { name: change.proposedBy, date: formatDate(change.proposedAt), version: change.baseVersion })}</p>
        {change.reviewedBy && change.reviewedAt ? (
          <p className="mt-1 text-sm text-slate-700">
            {t("frameworkEditor.review.reviewedBy", { name: change.reviewedBy, date: formatDate(change.reviewedAt) })}
            {change.reviewNote ? ` ${change.reviewNote}` : null}
          </p>
        ) : null}
        <p className="mt-1 text-sm">
          <Link to={`/kerangka/${framework.slug}`}>{t("frameworkEditor.publicPage")}</Link>
        </p>
      </div>

      <Panel id="reason" title={t("frameworkEditor.review.reason")}>
        <p className="mt-2 whitespace-pre-line">{change.reason}</p>
      </Panel>

      <Panel id="changes" title={t("frameworkEditor.review.changes")}>
        <div className="mt-2">
          <FrameworkDiffList entries={diff} decimals={framework.decimals} />
        </div>
      </Panel>

      {effect ? (
        <Panel id="effect" title={t("frameworkEditor.review.effect")}>
          <p className="mt-2 text-sm text-slate-700">
            {effect.assessments === 0
              ? t("frameworkEditor.review.effectNone")
              : t("frameworkEditor.review.effectText", { count: effect.assessments, changed: effect.changed, largest: formatIndex(effect.largestChange, framework.decimals), predikat: effect.predikatChanged })}
          </p>
        </Panel>
      ) : null}

      {change.status === "pending" ? (
        <Panel id="decision" title={t("frameworkEditor.review.decision")}>
          {refusal ? (
            <div className="mt-3">
              <Alert tone="error">{refusal}</Alert>
            </div>
          ) : null}
          {stale ? (
            <div className="mt-3">
              <Alert tone="info">{t("frameworkEditor.review.stale", { version: framework.version })}</Alert>
            </div>
          ) : null}
          {ownChange ? (
            <p className="mt-3 text-slate-700">{t("frameworkEditor.review.ownChange")}</p>
          ) : (
            <SubmitForm method="post" className="mt-3 space-y-3">
              <TextAreaField name="catatan" label={t("frameworkEditor.review.note")} hint={t("frameworkEditor.review.noteHint")} defaultValue={result?.note ?? ""} rows={3} />
              <div className="flex flex-wrap gap-3">
                <SubmitButton name="keputusan" value="setujui" disabled={stale} className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">
                  {t("frameworkEditor.review.approve")}
                </SubmitButton>
                <SubmitButton name="keputusan" value="tolak" className="rounded-md px-4 py-2 font-semibold text-red-800 ring-1 ring-red-700 disabled:opacity-60">
                  {t("frameworkEditor.review.reject")}
                </SubmitButton>
              </div>
            </SubmitForm>
          )}
        </Panel>
      ) : null}
    </div>
  );
}
