import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Alert } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import { requirePermission } from "~/modules/auth/guards.server";
import { type CsvProblem, decodeCsvBytes } from "~/modules/benchmark/official-csv";
import { checkOfficialResultsCsv, importOfficialResults } from "~/modules/benchmark/official-import.server";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { readMultipartForm } from "~/modules/http/multipart.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/** Largest CSV accepted: 5,000 rows of 50 columns fit comfortably. */
const MAX_CSV_BYTES = 4 * 1024 * 1024;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "assessment.import" });
  const { t } = await translatorForRequest(request);
  return { title: t("csvImport.title") };
}

interface PreviewRow {
  line: number;
  regionCode: string;
  year: number;
  index: number;
  computed: number | null;
  mismatch: boolean;
  hasLevels: boolean;
}

type ActionResult =
  | { stage: "preview"; csv: string; rows: PreviewRow[]; problems: CsvProblem[] }
  | { stage: "imported"; count: number; mismatches: number }
  | { stage: "refused"; problems: CsvProblem[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "assessment.import" });
  const form = await readMultipartForm(request, MAX_CSV_BYTES);
  if (!form) return data({ stage: "refused", problems: [{ line: 0, code: "tooLarge" }] } satisfies ActionResult, { status: 413 });
  const file = form.get("file");
  const text = file instanceof File ? (file.size > 0 ? decodeCsvBytes(new Uint8Array(await file.arrayBuffer())) : "") : String(form.get("csv") ?? "");
  if (text === null) return data({ stage: "refused", problems: [{ line: 0, code: "notCsv" }] } satisfies ActionResult, { status: 400 });
  if (form.get("intent") === "import") {
    const imported = await importOfficialResults(SPBE_2020, text, { id: user.id, ip: context.clientIp });
    if (!imported.ok) return data({ stage: "refused", problems: imported.checked.problems } satisfies ActionResult, { status: 400 });
    return { stage: "imported", count: imported.checked.rows.length, mismatches: imported.checked.rows.filter((row) => row.mismatch).length } satisfies ActionResult;
  }
  const checked = await checkOfficialResultsCsv(SPBE_2020, text);
  const rows = checked.rows.map((row) => ({
    line: row.line,
    regionCode: row.regionCode,
    year: row.year,
    index: row.index,
    computed: row.computed,
    mismatch: row.mismatch,
    hasLevels: row.levels !== null && row.levels.size > 0,
  }));
  return data({ stage: "preview", csv: text, rows, problems: checked.problems } satisfies ActionResult, { status: checked.problems.length > 0 ? 400 : 200 });
}

export default function ImportOfficialResults() {
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t, formatIndex, formatNumber } = useTranslator();
  const problemText = (problem: CsvProblem) =>
    `${problem.line > 0 ? t("csvImport.line", { line: problem.line }) : t("csvImport.file")}${problem.column ? ` (${problem.column})` : ""}: ${t(`csvImport.problem.${problem.code}`, { value: problem.value ?? "" })}`;
  const problems = result && result.stage !== "imported" ? result.problems : [];
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to="/praktik/kelola">← {t("workspace.queueTitle")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("csvImport.title")}</h1>
        <p className="mt-2 text-slate-700">{t("csvImport.lead")}</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs">region_code,year,index,indicator_1,…,indicator_47,source,decree</pre>
      </div>

      {result?.stage === "imported" ? (
        <Alert tone="success">
          {t("csvImport.imported", { count: result.count, formatted: formatNumber(result.count) })}{" "}
          {result.mismatches > 0 ? t("csvImport.importedMismatches", { formatted: formatNumber(result.mismatches) }) : null}{" "}
          <Link to="/peringkat">{t("rankings.short")}</Link>
        </Alert>
      ) : null}
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
        <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="preview" />
          <div>
            <label htmlFor="file" className="block text-sm font-medium">
              {t("csvImport.file")}
            </label>
            <input id="file" name="file" type="file" accept=".csv,text/csv" required className="mt-1 block w-full text-sm" aria-describedby="file-hint" />
            <p id="file-hint" className="mt-1 text-sm text-slate-600">
              {t("csvImport.fileHint")}
            </p>
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("csvImport.dryRun")}
          </button>
        </Form>
      </Panel>

      {result?.stage === "preview" && result.rows.length > 0 ? (
        <Panel id="preview" title={t("csvImport.step2")}>
          <div className="mt-3 max-h-[28rem] overflow-auto rounded border border-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("csvImport.step2")}</caption>
              <thead className="sticky top-0 bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("csvImport.lineColumn")}</th>
                  <th scope="col" className="px-3 py-2">region_code</th>
                  <th scope="col" className="px-3 py-2">{t("rankings.year")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("region.index")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("csvImport.computed")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {result.rows.map((row) => (
                  <tr key={row.line} className={row.mismatch ? "bg-amber-50" : undefined}>
                    <td className="px-3 py-1.5 tabular-nums">{row.line}</td>
                    <td className="px-3 py-1.5">{row.regionCode}</td>
                    <td className="px-3 py-1.5">{row.year}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatIndex(row.index)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">
                      {row.computed === null ? "—" : formatIndex(row.computed)}
                      {row.mismatch ? <span className="block text-xs text-amber-900">{t("benchmark.mismatch")}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.problems.length === 0 ? (
            <Form method="post" encType="multipart/form-data" className="mt-4">
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="csv" value={result.csv} />
              <button type="submit" className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800">
                {t("csvImport.importButton", { formatted: formatNumber(result.rows.length) })}
              </button>
            </Form>
          ) : (
            <p className="mt-3 text-sm text-red-800">{t("csvImport.fixFirst")}</p>
          )}
        </Panel>
      ) : null}
    </div>
  );
}
