import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FrameworkSwitch } from "~/components/frameworks/framework-switch";
import { Badge } from "~/components/ui/badge";
import { DataTable } from "~/components/ui/data-table";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form";
import { UploadProgress, uploadWithProgress } from "~/components/ui/upload-progress";
import { Panel } from "~/components/ui/panel";
import { requirePermission } from "~/modules/auth/guards.server";
import { checkOfficialResults, importOfficialResults, type OfficialResultsCheck } from "~/modules/benchmark/official-import.server";
import { MAX_SHEET_ROWS, type SheetProblem } from "~/modules/benchmark/official-results-sheet";
import { FRAMEWORK_PARAM, type FrameworkSummary, getFrameworkTree, requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { decodeSheetPayload, encodeSheetPayload, MAX_SHEET_BYTES, readSpreadsheet } from "~/modules/spreadsheets/import.server";
import { readFormToken } from "~/modules/forms/form-token";
import { readUploadForm, requestQuery } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** What the page says about a framework results may be imported for. */
const frameworkView = ({ slug, name, shortName, sourceStatus, firstYear, lastYear, version }: FrameworkSummary, indicators: number) => ({
  slug,
  name,
  shortName,
  sourceStatus,
  firstYear,
  lastYear,
  version,
  indicators,
});

/**
 * The framework results are imported for: chosen on the page and held in the URL, which both
 * forms post to, so the page, a preview and its import all read the sheet against one framework.
 */
async function chosenFramework(params: URLSearchParams) {
  const { framework, frameworks } = await requireFrameworkChoice(params);
  const tree = await getFrameworkTree(framework.slug);
  return { framework: frameworkView(framework, tree.indicatorsById.size), frameworks: frameworks.map((option) => frameworkView(option, 0)) };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "assessment.import" });
  const [{ t }, choice] = await Promise.all([translatorForRequest(request), chosenFramework(requestQuery(request))]);
  // The parameter's name travels in loader data: components cannot read a .server module in the browser.
  return { title: t("csvImport.title"), frameworkParam: FRAMEWORK_PARAM, ...choice };
}

/** What the preview shows of a checked sheet, and what the import form sends back. */
function previewOf(check: OfficialResultsCheck, sheet: string) {
  return {
    sheet,
    fingerprint: check.fingerprint,
    counts: check.counts,
    convention: check.convention,
    ignoredColumns: check.ignoredColumns,
    problems: check.problems,
    rows: check.rows.map((row) => ({
      line: row.line,
      code: row.code,
      name: row.name,
      year: row.year,
      index: row.index,
      decimals: row.decimals,
      status: row.status,
      before: row.before.map((value) => ({ value: value.value, decimals: value.decimals, citation: value.citation })),
      source: row.sourceKey,
      computed: row.computed,
      mismatch: row.mismatch,
      predikat: row.predikat,
      predikatComputed: row.predikatComputed,
      predikatMismatch: row.predikatMismatch,
    })),
  };
}

type Preview = ReturnType<typeof previewOf>;

type ActionResult =
  | { stage: "preview"; preview: Preview; format: "csv" | "xlsx"; delimiter: string | null; notice?: "confirm" | "stale" }
  | { stage: "imported"; counts: Preview["counts"]; mismatches: number }
  | { stage: "refused"; problems: SheetProblem[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "assessment.import" });
  await requireWithinLimit(context, "import", user.id);
  const form = await readUploadForm(request, MAX_SHEET_BYTES);
  if (!form) return data({ stage: "refused", problems: [{ line: 0, code: "tooLarge" }] } satisfies ActionResult, { status: 413 });
  const { framework } = await chosenFramework(requestQuery(request));

  if (form.get("intent") === "import") {
    const sheet = decodeSheetPayload(String(form.get("lembar") ?? ""));
    if (!sheet) return data({ stage: "refused", problems: [{ line: 0, code: "notSpreadsheet" }] } satisfies ActionResult, { status: 400 });
    const outcome = await importOfficialResults(
      framework.slug,
      sheet.rows,
      { confirmOverwrite: form.get("konfirmasi") === "ya", fingerprint: String(form.get("sidik") ?? ""), formToken: readFormToken(form) },
      { id: user.id, ip: context.clientIp },
    );
    if (outcome.ok) return { stage: "imported", ...outcome.imported } satisfies ActionResult;
    const preview = previewOf(outcome.check, encodeSheetPayload(sheet));
    return data(
      { stage: "preview", preview, format: sheet.format, delimiter: sheet.delimiter, notice: outcome.reason === "problems" ? undefined : outcome.reason } satisfies ActionResult,
      { status: outcome.reason === "stale" ? 409 : 400 },
    );
  }

  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data({ stage: "refused", problems: [{ line: 0, code: "empty" }] } satisfies ActionResult, { status: 400 });
  const read = await readSpreadsheet(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return data({ stage: "refused", problems: [{ line: 0, code: read.problem }] } satisfies ActionResult, { status: 400 });
  const check = await checkOfficialResults(framework.slug, read.rows);
  const preview = previewOf(check, encodeSheetPayload(read));
  return data({ stage: "preview", preview, format: read.format, delimiter: read.delimiter } satisfies ActionResult, { status: check.problems.length > 0 ? 400 : 200 });
}

const statusTone = { new: "brand", changed: "warning", unchanged: "neutral" } as const;

/** With JavaScript, uploads show their progress (decision 0027). */
export const clientAction = uploadWithProgress;

export default function ImportOfficialResults() {
  const { frameworkParam, framework, frameworks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t, formatIndex, formatNumber } = useWorkspaceTranslator();
  const problemText = (problem: SheetProblem) =>
    `${problem.line > 0 ? t("csvImport.line", { line: problem.line }) : t("csvImport.file")}${problem.column ? ` (${problem.column})` : ""}: ${t(`csvImport.problem.${problem.code}`, { value: problem.value ?? "", max: formatNumber(MAX_SHEET_ROWS), framework: framework.shortName, indicators: framework.indicators })}`;
  const frameworkQuery = `?${frameworkParam}=${encodeURIComponent(framework.slug)}`;
  const preview = result?.stage === "preview" ? result.preview : null;
  const problems = result?.stage === "refused" ? result.problems : (preview?.problems ?? []);
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to="/praktik/kelola">← {t("workspace.queueTitle")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("csvImport.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("csvImport.lead", { indicators: framework.indicators })}</p>
        <div className="mt-4">
          <FrameworkSwitch frameworks={frameworks} current={framework.slug} />
        </div>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
          <span className="font-normal text-slate-700">{t("csvImport.template", { framework: framework.shortName })}:</span>
          <a href={`/kurasi/impor-spbe/templat.xlsx${frameworkQuery}`} download>
            {t("exports.xlsx")}
          </a>
          <a href={`/kurasi/impor-spbe/templat.csv${frameworkQuery}`} download>
            {t("exports.csvId")}
          </a>
        </p>
      </div>

      {result?.stage === "imported" ? (
        <Alert tone="success">
          {t("csvImport.imported", {
            new: formatNumber(result.counts.new),
            changed: formatNumber(result.counts.changed),
            unchanged: formatNumber(result.counts.unchanged),
          })}{" "}
          {result.mismatches > 0 ? t("csvImport.importedMismatches", { formatted: formatNumber(result.mismatches) }) : null} <Link to={`/peringkat${frameworkQuery}`}>{t("rankings.short")}</Link>
        </Alert>
      ) : null}
      {result?.stage === "preview" && result.notice === "stale" ? <Alert tone="error">{t("csvImport.stale")}</Alert> : null}
      {problems.length > 0 ? (
        <Alert tone="error">
          <p className="font-semibold">{t("csvImport.problemsFound", { formatted: formatNumber(problems.length) })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {problems.slice(0, 200).map((problem, index) => (
              <li key={index}>{problemText(problem)}</li>
            ))}
          </ul>
          {problems.length > 200 ? <p className="mt-2 text-sm">{t("csvImport.moreProblems", { formatted: formatNumber(problems.length - 200) })}</p> : null}
        </Alert>
      ) : null}

      <Panel id="upload" title={t("csvImport.step1")}>
        <SubmitForm method="post" action={frameworkQuery} encType="multipart/form-data" className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="preview" />
          <div>
            <label htmlFor="file" className="block text-sm font-medium">
              {t("csvImport.file")}
            </label>
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              className="mt-1 block w-full text-sm"
              aria-describedby="file-hint"
            />
            <p id="file-hint" className="mt-1 text-sm text-slate-600">
              {t("csvImport.fileHint", { rows: formatNumber(MAX_SHEET_ROWS), indicators: framework.indicators })}
            </p>
          </div>
          <UploadProgress />
          <SubmitButton className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("csvImport.dryRun")}
          </SubmitButton>
        </SubmitForm>
      </Panel>

      {preview && preview.rows.length > 0 ? (
        <Panel id="preview" title={t("csvImport.step2")}>
          <p className="mt-2 text-sm text-slate-700" role="status">
            {t("csvImport.counts", { new: formatNumber(preview.counts.new), changed: formatNumber(preview.counts.changed), unchanged: formatNumber(preview.counts.unchanged) })}
          </p>
          <p className="mt-1 text-xs text-slate-600">
            {t("csvImport.readAs", {
              format: result?.stage === "preview" ? (result.format === "xlsx" ? "Excel (.xlsx)" : `CSV (${result.delimiter === ";" ? t("csvImport.semicolon") : result.delimiter === "\t" ? "tab" : t("csvImport.comma")})`) : "",
              convention: preview.convention ? t(`csvImport.convention.${preview.convention}`) : t("csvImport.convention.none"),
            })}
          </p>
          {preview.ignoredColumns.length > 0 ? <p className="mt-1 text-xs text-slate-600">{t("csvImport.ignoredColumns", { columns: preview.ignoredColumns.join(", ") })}</p> : null}
          <DataTable
            className="mt-3 max-h-[32rem] overflow-y-auto"
            density="dense"
            stickyHeader
            caption={t("csvImport.step2")}
            rows={preview.rows}
            rowKey={(row) => row.line}
            rowClassName={(row) => (row.status === "changed" ? "bg-amber-50" : undefined)}
            columns={[
              { id: "line", header: t("csvImport.lineColumn"), cell: (row) => row.line, cellClassName: "tabular-nums" },
              {
                id: "region",
                header: t("directory.columnRegion"),
                cell: (row) => (
                  <>
                    {row.name} <span className="text-xs text-slate-600">{row.code}</span>
                  </>
                ),
              },
              { id: "year", header: t("rankings.year"), cell: (row) => row.year },
              { id: "status", header: t("csvImport.status"), cell: (row) => <Badge tone={statusTone[row.status]}>{t(`csvImport.statusName.${row.status}`)}</Badge> },
              {
                id: "change",
                header: t("csvImport.oldToNew"),
                align: "end",
                cellClassName: "tabular-nums",
                cell: (row) => (
                  <>
                    {row.before.length > 0 ? (
                      <span className="text-slate-600" title={row.before.map((value) => value.citation).join(", ")}>
                        {row.before.map((value) => formatIndex(value.value, value.decimals)).join(" · ")} →{" "}
                      </span>
                    ) : null}
                    <strong>{formatIndex(row.index, row.decimals)}</strong>
                  </>
                ),
              },
              {
                id: "checks",
                header: t("csvImport.checks"),
                cellClassName: "text-xs",
                cell: (row) => (
                  <>
                    {row.predikatMismatch ? <span className="block text-amber-900">{t("csvImport.predikatMismatch", { reported: row.predikat ?? "", computed: row.predikatComputed ?? "" })}</span> : null}
                    {row.computed !== null ? (
                      <span className={`block ${row.mismatch ? "text-amber-900" : "text-slate-600"}`}>
                        {t("csvImport.computedFromLevels", { value: formatIndex(row.computed) })}
                        {row.mismatch ? ` — ${t("csvImport.levelsMismatch")}` : null}
                      </span>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
          {preview.problems.length === 0 && preview.counts.new + preview.counts.changed === 0 ? (
            <p className="mt-3 text-sm text-slate-700">{t("csvImport.nothingToImport")}</p>
          ) : preview.problems.length === 0 ? (
            <SubmitForm method="post" action={frameworkQuery} encType="multipart/form-data" className="mt-4 space-y-3">
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="lembar" value={preview.sheet} />
              <input type="hidden" name="sidik" value={preview.fingerprint} />
              {preview.counts.changed > 0 ? (
                <div>
                  <label className="flex items-start gap-2 text-sm font-medium">
                    <input type="checkbox" name="konfirmasi" value="ya" className="mt-1" aria-describedby={result?.stage === "preview" && result.notice === "confirm" ? "confirm-error" : undefined} />
                    {t("csvImport.confirmOverwrite", { count: preview.counts.changed, formatted: formatNumber(preview.counts.changed) })}
                  </label>
                  {result?.stage === "preview" && result.notice === "confirm" ? (
                    <p id="confirm-error" className="mt-1 text-sm font-medium text-red-700">
                      {t("csvImport.confirmRequired")}
                    </p>
                  ) : null}
                </div>
              ) : null}
              <SubmitButton className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">
                {t("csvImport.importButton", { formatted: formatNumber(preview.counts.new + preview.counts.changed) })}
              </SubmitButton>
            </SubmitForm>
          ) : (
            <p className="mt-3 text-sm text-red-800">{t("csvImport.fixFirst")}</p>
          )}
        </Panel>
      ) : null}
    </div>
  );
}
