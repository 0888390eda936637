import { stringify } from "csv-stringify/sync";
import writeExcelFile from "write-excel-file/node";
import { requestQuery } from "../http/request-input";
import type { ServerTranslator } from "../i18n/translator";

/**
 * A table as it is downloaded: the rows a page shows, in its order, with a header per column, a
 * description of each column and the sources of its figures. Written as CSV in the style the
 * reader's Excel expects, or as .xlsx with numbers as numbers.
 */
export interface ExportColumn {
  header: string;
  description: string;
  type: "text" | "integer" | "decimal";
  /** Decimals a decimal column is written with (an SPBE index has two). */
  decimals?: number;
}

export type ExportCell = string | number | null;

export interface ExportTable {
  /** Sheet name and file name stem, e.g. "peringkat-spbe-2024". */
  name: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
  /** Every source cited in the rows: citation, link and what it was cited for. */
  sources: { citation: string; url: string | null; usedFor: string }[];
  /** Headers of the sources and columns sheets, in the reader's language. */
  labels: { sourcesSheet: string; columnsSheet: string; citation: string; url: string; usedFor: string; column: string; description: string };
}

/** The labels of the sources and columns sheets, shared by every export. */
export function exportLabels(t: ServerTranslator["t"]): ExportTable["labels"] {
  return {
    sourcesSheet: t("exports.sourcesSheet"),
    columnsSheet: t("exports.columnsSheet"),
    citation: t("exports.citation"),
    url: t("exports.url"),
    usedFor: t("exports.usedFor"),
    column: t("exports.column"),
    description: t("exports.description"),
  };
}

/**
 * - id: what Excel on an Indonesian PC opens as columns: semicolons, decimal commas
 * - intl: commas and decimal points, for other spreadsheets and programs
 */
export type CsvStyle = "id" | "intl";

export function parseCsvStyle(value: string | null): CsvStyle {
  return value === "intl" ? "intl" : "id";
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before
 * one) is written with a leading apostrophe, so an imported source or note can never become
 * an =HYPERLINK that leaks data. Numbers are written by us and need no such guard.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(cell: ExportCell, column: ExportColumn, style: CsvStyle): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    const written = column.type === "decimal" ? cell.toFixed(column.decimals ?? 2) : String(Math.round(cell));
    return style === "id" ? written.replace(".", ",") : written;
  }
  return neutralizeFormula(cell);
}

/** CSV with a BOM (so Excel reads UTF-8) and CRLF line ends. */
export function tableToCsv(table: ExportTable, style: CsvStyle): string {
  const csv = stringify([table.columns.map((column) => column.header), ...table.rows.map((row) => row.map((cell, index) => csvCell(cell, table.columns[index]!, style)))], {
    delimiter: style === "id" ? ";" : ",",
    record_delimiter: "windows",
  });
  return `\uFEFF${csv}`;
}

const bold = { fontWeight: "bold" as const };

/** An .xlsx workbook: the table (numbers as numbers), its sources, and what each column means. */
export async function tableToXlsx(table: ExportTable): Promise<Uint8Array<ArrayBuffer>> {
  const dataSheet = [
    table.columns.map((column) => ({ value: column.header, ...bold })),
    ...table.rows.map((row) =>
      row.map((cell, index) => {
        const column = table.columns[index]!;
        if (cell === null) return null;
        // Rounded as the page and the CSV show it: a computed sub-index is not more precise than that.
        if (typeof cell === "number") return column.type === "decimal" ? { value: Number(cell.toFixed(column.decimals ?? 2)), type: Number, format: `0.${"0".repeat(column.decimals ?? 2)}` } : { value: cell, type: Number, format: "0" };
        // Cells are written as text, never as formulas; the guard keeps a copy-paste safe too.
        return { value: neutralizeFormula(cell), type: String };
      }),
    ),
  ];
  const sourcesSheet = [
    [table.labels.citation, table.labels.url, table.labels.usedFor].map((value) => ({ value, ...bold })),
    ...table.sources.map((source) => [source.citation, source.url ?? "", source.usedFor].map((value) => ({ value: neutralizeFormula(value), type: String }))),
  ];
  const columnsSheet = [
    [table.labels.column, table.labels.description].map((value) => ({ value, ...bold })),
    ...table.columns.map((column) => [column.header, column.description].map((value) => ({ value: neutralizeFormula(value), type: String }))),
  ];
  const workbook = await writeExcelFile([
    { data: dataSheet, sheet: sheetName(table.name), columns: table.columns.map((column) => ({ width: column.type === "text" ? 28 : 12 })) },
    { data: sourcesSheet, sheet: sheetName(table.labels.sourcesSheet), columns: [{ width: 40 }, { width: 60 }, { width: 40 }] },
    { data: columnsSheet, sheet: sheetName(table.labels.columnsSheet), columns: [{ width: 28 }, { width: 80 }] },
  ]).toBuffer();
  return new Uint8Array(workbook);
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}

/** Response headers for a download, with a plain ASCII file name. */
export function downloadHeaders(fileName: string, contentType: string): HeadersInit {
  const safe = fileName.replace(/[^\w.-]/g, "-");
  return { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${safe}"` };
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A page's table as the download its URL names: `….xlsx`, else CSV in the style `?gaya=` asks
 * for. One loader serves both extensions of a page, so the two files cannot drift apart.
 */
export async function downloadResponse(request: Request, table: ExportTable): Promise<Response> {
  if (new URL(request.url).pathname.endsWith(".xlsx")) return new Response(await tableToXlsx(table), { headers: downloadHeaders(`${table.name}.xlsx`, XLSX_CONTENT_TYPE) });
  const style = parseCsvStyle(requestQuery(request).get("gaya"));
  return new Response(tableToCsv(table, style), { headers: downloadHeaders(`${table.name}.csv`, CSV_CONTENT_TYPE) });
}

/** A download that cannot be made from this query: the reason in plain text, never a 500. */
export function downloadProblem(status: 400 | 404, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
