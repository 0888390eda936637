import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { IndicatorLevelsFields } from "~/components/benchmark/indicator-levels";
import { PredikatBadge } from "~/components/predikat-badge";
import { Alert, inputClass } from "~/components/ui/form";
import { requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { findAssessment, getAssessmentLevels, saveSelfAssessment, setSelfAssessmentPublished } from "~/modules/benchmark/assessments.server";
import { computeFrameworkIndex } from "~/modules/frameworks/framework-index";
import { levelsOf, parseSelfAssessmentForm, selfAssessmentFields } from "~/modules/benchmark/self-assessment";
import type { FieldErrors } from "~/modules/forms/form-data";
import { getFrameworkSummary, getFrameworkTree, getLevelCriteria, SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { predikatOf } from "~/modules/frameworks/predikat";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { getRegionName, REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/** Self-assessments are for the current evaluation year and the two before it. */
function assessableYears(): number[] {
  const now = new Date().getFullYear();
  return [now, now - 1, now - 2];
}

async function selfAssessmentContext(request: Request, params: { code?: string }, appContext: Parameters<typeof requirePermission>[1]) {
  const code = params.code ?? "";
  const regionName = REGION_CODE_PATTERN.test(code) ? await getRegionName(code) : null;
  if (!regionName) throw new Response(null, { status: 404 });
  const user = await requirePermission(request, appContext, { action: "assessment.self", regionCode: code });
  const requestedYear = Number(requestQuery(request).get("tahun"));
  const year = assessableYears().includes(requestedYear) ? requestedYear : assessableYears()[0]!;
  const [tree, framework, criteria] = await Promise.all([getFrameworkTree(SPBE_2020), getFrameworkSummary(SPBE_2020), getLevelCriteria(SPBE_2020)]);
  if (!framework) throw new Response(null, { status: 404 });
  return { code, regionName, user, year, tree, framework, criteria };
}

export async function loader({ request, context: appContext, params }: LoaderFunctionArgs) {
  const { code, regionName, user, year, tree, framework, criteria } = await selfAssessmentContext(request, params, appContext);
  const { t } = await translatorForRequest(request);
  const existing = await findAssessment({ regionCode: code, frameworkId: framework.id, year, kind: "self" });
  const levels = existing ? await getAssessmentLevels(existing.id) : new Map();
  const values: Record<string, string> = {};
  for (const [id, entry] of levels) {
    const names = selfAssessmentFields(id);
    values[names.level] = String(entry.level);
    values[names.note] = entry.note;
    values[names.evidenceUrl] = entry.evidenceUrl ?? "";
  }
  return {
    title: t("selfAssessment.pageTitle", { region: regionName, year }),
    region: { code, name: regionName },
    year,
    years: assessableYears(),
    nodes: tree.nodes,
    groups: tree.groups,
    criteria: Object.fromEntries(criteria),
    bands: framework.bands,
    decimals: framework.decimals,
    values,
    savedAt: existing?.updatedAt ?? null,
    publishedAt: existing?.publishedAt ?? null,
    canPublish: can(user, { action: "selfAssessment.publish", regionCode: code }),
  };
}

const PUBLISH_INTENTS = { publikasikan: true, tarik: false } as const;

type ActionResult = { values: Record<string, string>; errors: FieldErrors };

export async function action({ request, context: appContext, params }: ActionFunctionArgs) {
  const { code, user, year, tree, framework } = await selfAssessmentContext(request, params, appContext);
  const form = await readForm(request);
  const intent = String(form.get("intent"));
  if (intent in PUBLISH_INTENTS) {
    if (!can(user, { action: "selfAssessment.publish", regionCode: code })) throw new Response(null, { status: 403 });
    await requireWithinLimit(appContext, "assessment", user.id);
    const published = PUBLISH_INTENTS[intent as keyof typeof PUBLISH_INTENTS];
    await setSelfAssessmentPublished({ regionCode: code, frameworkId: framework.id, year, published, actorId: user.id, ip: appContext.clientIp });
    return redirect(`/daerah/${code}/penilaian-mandiri?tahun=${year}&publikasi=${published ? "ya" : "tidak"}`);
  }
  const indicatorIds = [...tree.indicatorsById.keys()];
  const { entries, errors } = parseSelfAssessmentForm(form, indicatorIds);
  const values = Object.fromEntries(
    indicatorIds.flatMap((id) => {
      const names = selfAssessmentFields(id);
      const entry = entries.get(id)!;
      return [
        [names.level, String(form.get(names.level) ?? "").slice(0, 5)],
        [names.note, entry.note],
        [names.evidenceUrl, entry.evidenceUrl],
      ];
    }),
  );
  if (Object.keys(errors).length > 0) return data({ values, errors } satisfies ActionResult, { status: 400 });
  // "Hitung" without JavaScript: show the computed index, save nothing.
  if (intent === "compute") return { values, errors: {} } satisfies ActionResult;
  await requireWithinLimit(appContext, "assessment", user.id);
  await saveSelfAssessment({ regionCode: code, year, entries, nodes: tree.nodes, frameworkId: framework.id, actorId: user.id, ip: appContext.clientIp });
  return redirect(`/daerah/${code}/penilaian-mandiri?tahun=${year}&disimpan=1`);
}

export default function SelfAssessment() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const translator = useWorkspaceTranslator();
  const { t, formatIndex } = translator;
  const values = result?.values ?? loaded.values;
  const errors = result?.errors ?? {};
  // Levels chosen so far, kept in state so the index follows every change with JavaScript on.
  const [levels, setLevels] = useState(() => levelMap(values));
  const computed = computeFrameworkIndex(loaded.nodes, levels);
  const error = (name: string) => (errors[name] ? validationMessage(translator, errors[name]!) : null);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/daerah/${loaded.region.code}/benchmark`}>← {t("regionBenchmark.title", { region: loaded.region.name })}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("selfAssessment.pageTitle", { region: loaded.region.name, year: loaded.year })}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("selfAssessment.lead")}</p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <label className="block text-sm font-medium">
          {t("rankings.year")}
          <select name="tahun" defaultValue={loaded.year} className={inputClass}>
            {loaded.years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md px-4 py-2 font-semibold text-brand-800 ring-1 ring-brand-700">
          {t("selfAssessment.open")}
        </button>
      </Form>

      <section aria-labelledby="visibility-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="visibility-heading" className="font-semibold">
          {t("selfAssessment.visibilityHeading")}
        </h2>
        {searchParams.get("publikasi") ? (
          <div className="mt-2">
            <Alert tone="success">{t(searchParams.get("publikasi") === "ya" ? "selfAssessment.publishedNotice" : "selfAssessment.unpublishedNotice", { year: loaded.year })}</Alert>
          </div>
        ) : null}
        <p className="mt-1 text-sm text-slate-700">
          {loaded.savedAt === null ? t("selfAssessment.saveFirst") : t(loaded.publishedAt ? "selfAssessment.public" : "selfAssessment.private")}
        </p>
        {loaded.savedAt !== null && loaded.canPublish ? (
          <Form method="post" className="mt-3">
            <button
              type="submit"
              name="intent"
              value={loaded.publishedAt ? "tarik" : "publikasikan"}
              className="rounded-md px-4 py-2 text-sm font-semibold text-brand-800 ring-1 ring-brand-700"
            >
              {loaded.publishedAt ? t("selfAssessment.unpublish") : t("selfAssessment.publish", { year: loaded.year })}
            </button>
          </Form>
        ) : null}
      </section>

      <Form method="post" className="mt-6 space-y-6">
        {searchParams.get("disimpan") && !result ? <Alert tone="success">{t("selfAssessment.saved")}</Alert> : null}
        {Object.keys(errors).length > 0 ? <Alert tone="error">{t("validation.formHasErrors")}</Alert> : null}
        <div role="status" aria-live="polite" className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3">
          <span>{t("selfAssessment.answered", { answered: computed.answered, total: computed.total })}</span>
          <span className="font-semibold">
            {t("selfAssessment.computedIndex")}: {computed.index === null ? "—" : formatIndex(computed.index)}
          </span>
          {computed.index !== null ? <PredikatBadge predikat={predikatOf(loaded, computed.index)} /> : null}
          <button type="submit" name="intent" value="compute" className="ml-auto text-sm font-semibold text-brand-800 underline">
            {t("selfAssessment.compute")}
          </button>
        </div>
        <IndicatorLevelsFields
          groups={loaded.groups}
          criteria={loaded.criteria}
          values={values}
          errors={errors}
          allowNone
          onLevelChange={(indicatorId, level) =>
            setLevels((current) => {
              const next = new Map(current);
              if (level) next.set(indicatorId, Number(level));
              else next.delete(indicatorId);
              return next;
            })
          }
          extra={(indicatorId, indicatorNumber) => {
            const names = selfAssessmentFields(indicatorId);
            return (
              <div className="grid gap-2 md:grid-cols-2">
                <div>
                  <input
                    name={names.note}
                    defaultValue={values[names.note] ?? ""}
                    aria-label={t("selfAssessment.noteFor", { number: indicatorNumber })}
                    placeholder={t("selfAssessment.note")}
                    maxLength={1000}
                    className={`${inputClass} mt-0`}
                  />
                  {error(names.note) ? <p className="mt-1 text-xs font-medium text-red-700">{error(names.note)}</p> : null}
                </div>
                <div>
                  <input
                    name={names.evidenceUrl}
                    type="url"
                    defaultValue={values[names.evidenceUrl] ?? ""}
                    aria-label={t("selfAssessment.evidenceFor", { number: indicatorNumber })}
                    aria-invalid={error(names.evidenceUrl) ? true : undefined}
                    placeholder="https://"
                    className={`${inputClass} mt-0`}
                  />
                  {error(names.evidenceUrl) ? <p className="mt-1 text-xs font-medium text-red-700">{error(names.evidenceUrl)}</p> : null}
                </div>
              </div>
            );
          }}
        />
        <p className="text-sm text-slate-600">{t("selfAssessment.levelsHelp")}</p>
        <button type="submit" name="intent" value="save" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("selfAssessment.save")}
        </button>
      </Form>
    </div>
  );
}

function levelMap(values: Record<string, string>): Map<number, number> {
  return levelsOf(
    new Map(
      Object.entries(values)
        .filter(([name, value]) => name.startsWith("level_") && /^[1-5]$/.test(value))
        .map(([name, value]) => [Number(name.slice("level_".length)), { level: Number(value), note: "", evidenceUrl: "" }]),
    ),
  );
}
