import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { IndicatorLevelsFields } from "~/components/benchmark/indicator-levels";
import { LevelSubmissionStatus } from "~/components/benchmark/level-submission-status";
import { Alert, inputClass, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { UploadProgress, uploadWithProgress } from "~/components/ui/upload-progress";
import { Panel } from "~/components/ui/panel";
import { requirePermission } from "~/modules/auth/guards.server";
import { parseLevelReportForm, reportableYears, type LevelReportValues } from "~/modules/benchmark/level-report-form";
import { type LevelSheetProblem, parseLevelSheet } from "~/modules/benchmark/level-sheet";
import { listRegionSubmissions, submitLevels } from "~/modules/benchmark/level-submissions.server";
import { selfAssessmentFields } from "~/modules/benchmark/self-assessment";
import { MAX_UPLOAD_BYTES } from "~/modules/files/uploads.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { readFormToken } from "~/modules/forms/form-token";
import { validationMessage } from "~/modules/forms/validation-message";
import { getFrameworkTree, getLevelCriteria, SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { localeFromRequest, translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { getRegionName, REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { readSpreadsheet } from "~/modules/spreadsheets/import.server";
import { readUploadForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

async function reportContext(request: Request, params: { code?: string }, context: Parameters<typeof requirePermission>[1]) {
  const code = params.code ?? "";
  const regionName = REGION_CODE_PATTERN.test(code) ? await getRegionName(code) : null;
  if (!regionName) throw new Response(null, { status: 404 });
  const user = await requirePermission(request, context, { action: "assessment.report", regionCode: code });
  return { code, regionName, user };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { code, regionName } = await reportContext(request, params, context);
  const [tree, criteria, submissions, { t }] = await Promise.all([getFrameworkTree(SPBE_2020), getLevelCriteria(SPBE_2020), listRegionSubmissions(code), translatorForRequest(request)]);
  const years = reportableYears();
  return {
    title: t("levelReports.title", { region: regionName }),
    region: { code, name: regionName },
    years,
    groups: tree.groups,
    criteria: Object.fromEntries(criteria),
    submissions,
    // Results of an evaluation come out the year after it: last year is the usual one to report.
    defaults: { year: String(years[1] ?? years[0]), levels: {}, reportedIndex: "", note: "" } satisfies LevelReportValues,
  };
}

type ActionResult = { values: LevelReportValues; errors: FieldErrors; sheetProblems: LevelSheetProblem[]; sheetRead: boolean };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { code, user } = await reportContext(request, params, context);
  await requireWithinLimit(context, "upload", user.id);
  const form = await readUploadForm(request, MAX_UPLOAD_BYTES);
  const tree = await getFrameworkTree(SPBE_2020);
  const emptyValues: LevelReportValues = { year: "", levels: {}, reportedIndex: "", note: "" };
  if (!form) return data({ values: emptyValues, errors: { laporan: { code: "fileTooLarge" } }, sheetProblems: [], sheetRead: false } satisfies ActionResult, { status: 413 });
  const parsed = parseLevelReportForm(form, [...tree.indicatorsById.keys()], await localeFromRequest(request), reportableYears());

  if (form.get("intent") === "lembar") {
    // Fill the levels from a spreadsheet (one row per indicator); nothing is submitted yet.
    const file = form.get("lembar_kerja");
    const read = file instanceof File && file.size > 0 ? await readSpreadsheet(new Uint8Array(await file.arrayBuffer())) : null;
    if (!read?.ok) return data({ values: parsed.values, errors: { lembar_kerja: { code: read ? "sheetUnreadable" : "fileRequired" } }, sheetProblems: [], sheetRead: false } satisfies ActionResult, { status: 400 });
    const idByNumber = new Map([...tree.indicatorsById.values()].map((indicator) => [indicator.number, indicator.id]));
    const sheet = parseLevelSheet(read.rows, [...idByNumber.keys()].sort((a, b) => a - b));
    const levels = { ...parsed.values.levels };
    for (const [number, level] of sheet.levels) levels[selfAssessmentFields(idByNumber.get(number)!).level] = String(level);
    const year = parsed.values.year || String(reportableYears()[1]);
    return data({ values: { ...parsed.values, year, levels }, errors: {}, sheetProblems: sheet.problems, sheetRead: true } satisfies ActionResult, { status: sheet.problems.length > 0 ? 400 : 200 });
  }

  const file = form.get("laporan");
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const errors: FieldErrors = { ...parsed.errors };
  if (Object.keys(errors).length === 0) {
    const submitted = await submitLevels({
      regionCode: code,
      year: parsed.year,
      levels: parsed.levels,
      reportedIndex: parsed.reportedIndex,
      note: parsed.note,
      report: { fileName: file instanceof File ? file.name : "", bytes },
      actorId: user.id,
      ip: context.clientIp,
      formToken: readFormToken(form),
    });
    if (submitted.ok) return redirect(`/daerah/${code}/level-resmi?terkirim=${submitted.id}`);
    Object.assign(errors, submitted.errors);
  } else if (bytes.byteLength === 0) {
    errors.laporan = { code: "fileRequired" };
  }
  return data({ values: parsed.values, errors, sheetProblems: [], sheetRead: false } satisfies ActionResult, { status: 400 });
}

/** With JavaScript, uploads show their progress (decision 0027). */
export const clientAction = uploadWithProgress;

export default function LevelReport() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const translator = useWorkspaceTranslator();
  const { t, formatNumber } = translator;
  const values = result?.values ?? loaded.defaults;
  const errors = result?.errors ?? {};
  const message = (name: string) => (errors[name] ? validationMessage(translator, errors[name]!) : undefined);
  const missingLevels = Object.keys(errors).filter((name) => name.startsWith("level_")).length;
  const submitFailed = Object.keys(errors).some((name) => name !== "lembar_kerja");
  // Levels read from a spreadsheet replace what the form shows: a new key remounts its radios,
  // whose checked state React would otherwise keep.
  const formKey = result?.sheetRead ? `sheet:${Object.values(values.levels).join("")}` : "form";
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to={`/daerah/${loaded.region.code}/benchmark`}>← {t("regionBenchmark.title", { region: loaded.region.name })}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("levelReports.title", { region: loaded.region.name })}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("levelReports.lead")}</p>
      </div>
      {searchParams.get("terkirim") && !result ? <Alert tone="success">{t("levelReports.submitted")}</Alert> : null}

      {loaded.submissions.length > 0 ? (
        <Panel id="submissions" title={t("levelReports.history")}>
          <ul className="mt-3 divide-y divide-slate-200 text-sm">
            {loaded.submissions.map((submission) => (
              <li key={submission.id} className="py-2">
                <LevelSubmissionStatus submission={submission} />
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}

      <SubmitForm method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="lembar" />
        <Panel id="sheet" title={t("levelReports.sheetStep")}>
          <p className="mt-1 text-sm text-slate-700">{t("levelReports.sheetHelp")}</p>
          <div className="mt-3 flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="lembar_kerja" className="block text-sm font-medium">
                {t("levelReports.sheetFile")}
              </label>
              <input id="lembar_kerja" name="lembar_kerja" type="file" accept=".xlsx,.csv" className={`${inputClass} text-sm`} />
              {message("lembar_kerja") ? <p className="mt-1 text-sm font-medium text-red-700">{message("lembar_kerja")}</p> : null}
            </div>
            <SubmitButton className="rounded-md px-4 py-2 font-semibold text-brand-800 ring-1 ring-brand-700 disabled:opacity-60">
              {t("levelReports.readSheet")}
            </SubmitButton>
          </div>
          <UploadProgress />
          {result?.sheetRead && result.sheetProblems.length === 0 ? <p className="mt-2 text-sm text-emerald-800">{t("levelReports.sheetFilled")}</p> : null}
          {result && result.sheetProblems.length > 0 ? (
            <Alert tone="error">
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {result.sheetProblems.map((problem, index) => (
                  <li key={index}>
                    {problem.line > 0 ? `${t("csvImport.line", { line: problem.line })}: ` : ""}
                    {t(`levelReports.sheetProblem.${problem.code}`, { value: problem.value ?? "" })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </Panel>
      </SubmitForm>

      <SubmitForm key={formKey} method="post" encType="multipart/form-data" className="space-y-6">
        <input type="hidden" name="intent" value="kirim" />
        {submitFailed ? (
          <Alert tone="error">
            {t("validation.formHasErrors")} {missingLevels > 0 ? t("levelReports.missingLevels", { count: missingLevels, formatted: formatNumber(missingLevels) }) : null}
          </Alert>
        ) : null}
        <Panel id="report" title={t("levelReports.reportStep")}>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <SelectField name="tahun" label={t("levelReports.year")} defaultValue={values.year} error={errors.tahun}>
              {loaded.years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </SelectField>
            <TextField name="indeks_laporan" label={t("levelReports.reportedIndex")} hint={t("levelReports.reportedIndexHint")} defaultValue={values.reportedIndex} error={errors.indeks_laporan} maxLength={10} />
          </div>
          <div className="mt-4">
            <label htmlFor="laporan" className="block text-sm font-medium">
              {t("levelReports.reportFile")}
            </label>
            <input id="laporan" name="laporan" type="file" accept="application/pdf,.pdf" className="mt-1 block w-full text-sm" aria-describedby="laporan-hint" aria-invalid={message("laporan") ? true : undefined} />
            <p id="laporan-hint" className="mt-1 text-sm text-slate-600">
              {t("levelReports.reportFileHint")}
            </p>
            {message("laporan") ? <p className="mt-1 text-sm font-medium text-red-700">{message("laporan")}</p> : null}
          </div>
          <div className="mt-4">
            <TextAreaField name="catatan" label={t("levelReports.note")} defaultValue={values.note} error={errors.catatan} rows={3} />
          </div>
        </Panel>

        <p className="text-sm text-slate-700">{t("levelReports.levelsHelp")}</p>
        <IndicatorLevelsFields groups={loaded.groups} criteria={loaded.criteria} values={values.levels} errors={errors} />
        <UploadProgress />
        <SubmitButton className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("levelReports.submit")}
        </SubmitButton>
      </SubmitForm>
    </div>
  );
}
