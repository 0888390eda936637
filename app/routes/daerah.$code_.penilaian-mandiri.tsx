import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { IndicatorLevelsFields } from "~/components/benchmark/indicator-levels";
import { CrosswalkComparison } from "~/components/frameworks/crosswalk-comparison";
import { FrameworkSwitch } from "~/components/frameworks/framework-switch";
import { PredikatBadge } from "~/components/predikat-badge";
import { Alert, inputClass, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import {
  findAssessment,
  getAssessmentLevels,
  getExternallyScoredIndicators,
  latestLevelProfile,
  saveSelfAssessment,
  setSelfAssessmentPublished,
} from "~/modules/benchmark/assessments.server";
import {
  assessableYears,
  levelsOf,
  parseSelfAssessmentForm,
  postedIndicatorIds,
  type SelfAssessmentMismatch,
  type SelfAssessmentShape,
  selfAssessmentFields,
  selfAssessmentMismatch,
} from "~/modules/benchmark/self-assessment";
import { levelFromExternalScore } from "~/modules/benchmark/external-score";
import { computeFrameworkIndex, crosswalkRows, predikatOf } from "~/modules/frameworks";
import { getFrameworkTree, getLevelCriteria, listCrosswalk, requireFrameworkChoice, SPBE_2020 } from "~/modules/frameworks/index.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { localeFromRequest, translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { getRegionName, REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** The page's framework (`?kerangka=`), its years and what its form holds, for loader and action alike. */
async function selfAssessmentContext(request: Request, params: { code?: string }, appContext: Parameters<typeof requirePermission>[1]) {
  const code = params.code ?? "";
  const regionName = REGION_CODE_PATTERN.test(code) ? await getRegionName(code) : null;
  if (!regionName) throw new Response(null, { status: 404 });
  const user = await requirePermission(request, appContext, { action: "assessment.self", regionCode: code });
  const query = requestQuery(request);
  const { framework, frameworks } = await requireFrameworkChoice(query);
  const years = assessableYears(framework, new Date().getFullYear());
  const requestedYear = query.get("tahun");
  const [tree, criteria, externallyScored, locale] = await Promise.all([
    getFrameworkTree(framework.slug),
    getLevelCriteria(framework.slug),
    getExternallyScoredIndicators(framework.id),
    localeFromRequest(request),
  ]);
  const levelNumbers = [...criteria.values()][0]?.map((level) => level.level) ?? [1, 5];
  const shape: SelfAssessmentShape = {
    indicatorIds: [...tree.indicatorsById.keys()],
    externallyScored: new Set(externallyScored.keys()),
    scale: { min: Math.min(...levelNumbers), max: Math.max(...levelNumbers) },
  };
  return { code, regionName, user, framework, frameworks, years, requestedYear, tree, criteria, externallyScored, shape, locale };
}

const pageUrl = (code: string, frameworkSlug: string, year: number, extra = "") => `/daerah/${code}/penilaian-mandiri?kerangka=${frameworkSlug}&tahun=${year}${extra}`;

export async function loader({ request, context: appContext, params }: LoaderFunctionArgs) {
  const context = await selfAssessmentContext(request, params, appContext);
  const { code, regionName, user, framework, frameworks, years, tree, criteria, externallyScored, shape } = context;
  // A year the framework does not take self-assessments for opens its latest one that it does.
  const year = years.find((candidate) => String(candidate) === context.requestedYear) ?? years[0]!;
  const translator = await translatorForRequest(request);
  const existing = await findAssessment({ regionCode: code, frameworkId: framework.id, year, kind: "self" });
  const levels = existing ? await getAssessmentLevels(existing.id) : new Map();
  const values: Record<string, string> = {};
  for (const [id, entry] of levels) {
    const names = selfAssessmentFields(id);
    values[names.level] = String(entry.level);
    if (entry.externalScore !== null) values[names.externalScore] = translator.formatNumber(entry.externalScore, { maximumFractionDigits: 2, useGrouping: false });
    values[names.note] = entry.note;
    values[names.evidenceUrl] = entry.evidenceUrl ?? "";
  }
  // Beside a later framework's self-assessment: the region's last SPBE 2020 profile, by the aspects a curator paired.
  const comparison =
    framework.slug === SPBE_2020
      ? null
      : await Promise.all([listCrosswalk(SPBE_2020, framework.slug), latestLevelProfile(code, SPBE_2020), frameworks.find((each) => each.slug === SPBE_2020)]).then(
          ([pairs, profile, spbe]) => ({ pairs: pairs.filter((pair) => pair.status === "confirmed"), profile, fromFramework: spbe?.shortName ?? SPBE_2020 }),
        );
  return {
    title: translator.t("selfAssessment.pageTitle", { framework: framework.shortName, region: regionName, year }),
    region: { code, name: regionName },
    framework: { slug: framework.slug, shortName: framework.shortName },
    frameworks: frameworks.map(({ slug, name, shortName, sourceStatus, firstYear, lastYear, version }) => ({ slug, name, shortName, sourceStatus, firstYear, lastYear, version })),
    year,
    years,
    nodes: tree.nodes,
    groups: tree.groups,
    criteria: Object.fromEntries(criteria),
    externallyScored: Object.fromEntries(externallyScored),
    scale: shape.scale,
    bands: framework.bands,
    decimals: framework.decimals,
    values,
    comparison,
    savedAt: existing?.updatedAt ?? null,
    publishedAt: existing?.publishedAt ?? null,
    canPublish: can(user, { action: "selfAssessment.publish", regionCode: code }),
  };
}

const PUBLISH_INTENTS = { publikasikan: true, tarik: false } as const;

type ActionResult = { values: Record<string, string>; errors: FieldErrors; refused?: SelfAssessmentMismatch };

export async function action({ request, context: appContext, params }: ActionFunctionArgs) {
  const { code, user, framework, years, requestedYear, tree, shape, locale } = await selfAssessmentContext(request, params, appContext);
  const form = await readForm(request);
  const year = requestedYear === null ? years[0]! : Number(requestedYear);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  const values = Object.fromEntries([...form].flatMap(([name, value]) => (typeof value === "string" && name !== "intent" ? [[name, value.slice(0, 1000)]] : [])));
  // A form made for another framework or year, or holding another framework's indicators, is
  // refused whole: its levels would count in the wrong index.
  const refused = years.includes(year)
    ? selfAssessmentMismatch({ framework, year, indicatorIds: shape.indicatorIds, postedIds: postedIndicatorIds(form), formFramework: text("kerangka"), formYear: text("tahun") })
    : "year";
  if (refused) return data({ values, errors: {}, refused } satisfies ActionResult, { status: 400 });
  const intent = text("intent") ?? "";
  if (intent in PUBLISH_INTENTS) {
    if (!can(user, { action: "selfAssessment.publish", regionCode: code })) throw new Response(null, { status: 403 });
    await requireWithinLimit(appContext, "assessment", user.id);
    const published = PUBLISH_INTENTS[intent as keyof typeof PUBLISH_INTENTS];
    await setSelfAssessmentPublished({ regionCode: code, frameworkId: framework.id, year, published, actorId: user.id, ip: appContext.clientIp });
    return redirect(pageUrl(code, framework.slug, year, `&publikasi=${published ? "ya" : "tidak"}`));
  }
  const { entries, errors } = parseSelfAssessmentForm(form, shape, locale);
  if (Object.keys(errors).length > 0) return data({ values, errors } satisfies ActionResult, { status: 400 });
  // "Hitung" without JavaScript: show the computed index, save nothing.
  if (intent === "compute") return { values, errors: {} } satisfies ActionResult;
  await requireWithinLimit(appContext, "assessment", user.id);
  await saveSelfAssessment({ regionCode: code, year, entries, nodes: tree.nodes, framework, actorId: user.id, ip: appContext.clientIp });
  return redirect(pageUrl(code, framework.slug, year, "&disimpan=1"));
}

/** A new framework or year is a new form: its fields and live levels start from what that one holds. */
export default function SelfAssessmentPage() {
  const loaded = useLoaderData<typeof loader>();
  return <SelfAssessment key={`${loaded.framework.slug}:${loaded.year}`} />;
}

function SelfAssessment() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const translator = useWorkspaceTranslator();
  const { t, formatIndex, locale } = translator;
  const values = result?.values ?? loaded.values;
  const errors = result?.errors ?? {};
  // The form's fields as they stand, so the index follows every change with JavaScript on: the
  // same reading as the server's, external scores included.
  const [liveValues, setLiveValues] = useState(values);
  const setValue = (name: string, value: string) => setLiveValues((current) => ({ ...current, [name]: value }));
  const shape: SelfAssessmentShape = {
    indicatorIds: loaded.nodes.filter((node) => node.kind === "indicator").map((node) => node.id),
    externallyScored: new Set(Object.keys(loaded.externallyScored).map(Number)),
    scale: loaded.scale,
  };
  const formData = new FormData();
  for (const [name, value] of Object.entries(liveValues)) formData.set(name, value);
  const live = parseSelfAssessmentForm(formData, shape, locale);
  const computed = computeFrameworkIndex(loaded.nodes, levelsOf(live.entries));
  const error = (name: string) => (errors[name] ? validationMessage(translator, errors[name]!) : null);
  const levelNames = Object.values(loaded.criteria)[0] ?? [];
  const levelName = (level: number) => levelNames.find((each) => each.level === level)?.name ?? "";
  const comparisonRows = loaded.comparison
    ? crosswalkRows(
        loaded.groups,
        loaded.comparison.pairs,
        loaded.comparison.profile?.subIndices ?? null,
        computed.subIndices,
      )
    : [];

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/daerah/${loaded.region.code}/benchmark`}>← {t("regionBenchmark.title", { region: loaded.region.name })}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("selfAssessment.pageTitle", { framework: loaded.framework.shortName, region: loaded.region.name, year: loaded.year })}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("selfAssessment.lead")}</p>
      <div className="mt-4">
        <FrameworkSwitch frameworks={loaded.frameworks} current={loaded.framework.slug} />
      </div>
      <SubmitForm method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <input type="hidden" name="kerangka" value={loaded.framework.slug} />
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
        <SubmitButton className="rounded-md px-4 py-2 font-semibold text-brand-800 ring-1 ring-brand-700">
          {t("selfAssessment.open")}
        </SubmitButton>
      </SubmitForm>

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
          <SubmitForm method="post" className="mt-3">
            <input type="hidden" name="kerangka" value={loaded.framework.slug} />
            <input type="hidden" name="tahun" value={loaded.year} />
            <button
              type="submit"
              name="intent"
              value={loaded.publishedAt ? "tarik" : "publikasikan"}
              className="rounded-md px-4 py-2 text-sm font-semibold text-brand-800 ring-1 ring-brand-700"
            >
              {loaded.publishedAt ? t("selfAssessment.unpublish") : t("selfAssessment.publish", { year: loaded.year })}
            </button>
          </SubmitForm>
        ) : null}
      </section>

      {loaded.comparison ? (
        <CrosswalkComparison
          rows={comparisonRows}
          fromFramework={loaded.comparison.fromFramework}
          from={loaded.comparison.profile ? { framework: loaded.comparison.fromFramework, kind: loaded.comparison.profile.kind, year: loaded.comparison.profile.year } : null}
          to={{ framework: loaded.framework.shortName, kind: "self", year: loaded.year }}
        />
      ) : null}

      <SubmitForm method="post" className="mt-6 space-y-6">
        <input type="hidden" name="kerangka" value={loaded.framework.slug} />
        <input type="hidden" name="tahun" value={loaded.year} />
        {searchParams.get("disimpan") && !result ? <Alert tone="success">{t("selfAssessment.saved")}</Alert> : null}
        {result?.refused ? (
          <Alert tone="error">{t(`assessmentFrameworks.refused.${result.refused}`, { framework: loaded.framework.shortName, year: loaded.year })}</Alert>
        ) : null}
        {Object.keys(errors).length > 0 ? <Alert tone="error">{t("validation.formHasErrors")}</Alert> : null}
        <div role="status" aria-live="polite" className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3">
          <span>{t("selfAssessment.answered", { answered: computed.answered, total: computed.total })}</span>
          <span className="font-semibold">
            {t("selfAssessment.computedIndex")}: {computed.index === null ? "—" : formatIndex(computed.index)}
          </span>
          {computed.index !== null ? <PredikatBadge predikat={predikatOf(loaded, computed.index)} /> : null}
          <span className="text-sm text-slate-600">{loaded.framework.shortName}</span>
          <SubmitButton name="intent" value="compute" className="ml-auto text-sm font-semibold text-brand-800 underline">
            {t("selfAssessment.compute")}
          </SubmitButton>
        </div>
        <IndicatorLevelsFields
          groups={loaded.groups}
          criteria={loaded.criteria}
          values={values}
          errors={errors}
          allowNone
          onLevelChange={(indicatorId, level) => setValue(selfAssessmentFields(indicatorId).level, level)}
          fixedLevel={(indicatorId, indicatorNumber) => {
            const source = loaded.externallyScored[String(indicatorId)];
            if (!source) return null;
            const name = selfAssessmentFields(indicatorId).externalScore;
            const score = live.entries.get(indicatorId)?.externalScore ?? null;
            const level = score === null ? null : levelFromExternalScore(score, loaded.scale);
            const indicator = loaded.groups.flatMap((group) => group.indicators).find((each) => each.id === indicatorId);
            return (
              <div className="space-y-1">
                <p className="text-sm font-semibold">{`${indicatorNumber}. ${indicator?.name ?? ""}`}</p>
                <p className="text-sm text-slate-700">{t("assessmentFrameworks.external.from", { source })}</p>
                <label className="block text-sm font-medium">
                  {t("assessmentFrameworks.external.score", { number: indicatorNumber, min: loaded.scale.min, max: loaded.scale.max })}
                  <input
                    name={name}
                    inputMode="decimal"
                    defaultValue={values[name] ?? ""}
                    onChange={(event) => setValue(name, event.currentTarget.value)}
                    aria-invalid={error(name) ? true : undefined}
                    aria-describedby={`${name}-rule`}
                    placeholder="3,62"
                    className={`${inputClass} max-w-40`}
                  />
                </label>
                {error(name) ? <p className="text-xs font-medium text-red-700">{error(name)}</p> : null}
                <p className="text-sm" aria-live="polite">
                  {level === null ? t("assessmentFrameworks.external.noScore") : t("assessmentFrameworks.external.level", { level, name: levelName(level) })}
                </p>
                <p id={`${name}-rule`} className="text-xs text-slate-600">
                  {t("assessmentFrameworks.external.rule")}
                </p>
              </div>
            );
          }}
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
        <p className="text-sm text-slate-600">{t("selfAssessment.levelsHelp", { levels: levelNames.map((level) => `${level.level} ${level.name}`).join(", ") })}</p>
        <SubmitButton name="intent" value="save" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("selfAssessment.save")}
        </SubmitButton>
      </SubmitForm>
    </div>
  );
}
