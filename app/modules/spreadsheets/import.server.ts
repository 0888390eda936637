import { parse } from "csv-parse/sync";
import { Unzip, UnzipInflate } from "fflate";
import { readSheet } from "read-excel-file/node";
import { z } from "zod";
import { plainText } from "../forms/form-data";

/**
 * A spreadsheet as curators and editors send it: an .xlsx workbook (first sheet) or a CSV file
 * as Excel saves it on an Indonesian PC (semicolons, decimal commas, Windows-1252 or UTF-8 with
 * a BOM, CRLF, LF or mixed line ends) or anywhere else (commas, tabs). Cells keep what they
 * were: text as written, numbers as numbers (.xlsx), so the caller reads numbers with the
 * Indonesian-aware parser and knows a value Excel turned into a number (35.1 for "35.10").
 */
export type SheetCell = string | number | null;

/** A row with its line in the file (the sheet row in a workbook), for messages that point at it. */
export interface SheetRow {
  line: number;
  cells: SheetCell[];
}

export type SheetRead =
  | { ok: true; format: "csv" | "xlsx"; delimiter: string | null; rows: SheetRow[] }
  | { ok: false; problem: "notSpreadsheet" | "empty" | "tooLarge" };

/** Rows with something in them: Excel saves empty rows as ";;;;". */
function nonEmpty(rows: SheetRow[]): SheetRow[] {
  return rows.filter((row) => row.cells.some((cell) => cell !== null && cell !== ""));
}

/** Uncompressed size an .xlsx may unpack to; a larger one is refused before it is read. */
const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readSpreadsheet(bytes: Uint8Array): Promise<SheetRead> {
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  return ZIP_MAGIC.every((byte, index) => bytes[index] === byte) ? readXlsx(bytes) : readCsv(bytes);
}

/**
 * Counts what a zip unpacks to, stopping as soon as it passes the limit: the sizes a zip
 * declares can lie, so a small upload cannot make the server inflate gigabytes.
 */
function unzippedSizeWithin(bytes: Uint8Array, limit: number): boolean {
  let total = 0;
  const tooLarge = new Error("too large");
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error) throw error;
      total += chunk.length;
      if (total > limit) throw tooLarge;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
    return true;
  } catch (error) {
    if (error === tooLarge) return false;
    throw error;
  }
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRead> {
  try {
    if (!unzippedSizeWithin(bytes, MAX_UNZIPPED_BYTES)) return { ok: false, problem: "tooLarge" };
    const rows = nonEmpty((await readSheet(Buffer.from(bytes))).map((row, index) => ({ line: index + 1, cells: row.map(sheetCell) })));
    return rows.length === 0 ? { ok: false, problem: "empty" } : { ok: true, format: "xlsx", delimiter: null, rows };
  } catch {
    // A damaged workbook, or a zip that is no workbook (a .docx, an .odt): not readable as a sheet.
    return { ok: false, problem: "notSpreadsheet" };
  }
}

function sheetCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return plainText(String(value));
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel writes for "CSV"). */
function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  // Binary files (PDFs, images, old .xls) are full of NUL bytes; text files have none.
  return text.includes("\u0000") ? null : text.replace(/^\uFEFF/, "");
}

const DELIMITERS = [";", ",", "\t"] as const;

/**
 * The delimiter of the header line: the candidate it holds most of, outside quotes. Only one
 * delimiter is used for the whole file, so "3,62" in a semicolon file stays one cell.
 */
function detectDelimiter(firstLine: string): string {
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  let best: string = ",";
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = outsideQuotes.split(delimiter).length - 1;
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

function readCsv(bytes: Uint8Array): SheetRead {
  const decoded = decodeText(bytes);
  if (decoded === null) return { ok: false, problem: "notSpreadsheet" };
  // One line end for the whole file: mixed CRLF and LF would otherwise merge rows.
  const text = decoded.replace(/\r\n?/g, "\n");
  const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
  if (firstLine === "") return { ok: false, problem: "empty" };
  const delimiter = detectDelimiter(firstLine);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ends on; csv-parse's types do not know that.
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, record_delimiter: "\n", info: true }) as unknown as typeof records;
  } catch {
    return { ok: false, problem: "notSpreadsheet" };
  }
  const rows = nonEmpty(records.map(({ record, info }) => ({ line: info.lines, cells: record.map((cell) => (cell === "" ? null : plainText(cell))) })));
  return rows.length === 0 ? { ok: false, problem: "empty" } : { ok: true, format: "csv", delimiter, rows };
}

/** Largest spreadsheet accepted, as uploaded and as sent back from a preview to be imported. */
export const MAX_SHEET_BYTES = 4 * 1024 * 1024;

const sheetPayload = z.object({
  format: z.enum(["csv", "xlsx"]),
  delimiter: z.string().max(1).nullable(),
  rows: z
    .array(z.object({ line: z.number().int().min(0), cells: z.array(z.union([z.string().max(5000), z.number(), z.null()])).max(200) }))
    .max(10_000),
});

type SheetPayload = Extract<SheetRead, { ok: true }>;

/**
 * A read sheet as a preview form carries it to the import (so the import reads exactly what
 * was previewed, numbers still as numbers), and back; null for anything that is not one.
 */
export function encodeSheetPayload(sheet: Omit<SheetPayload, "ok">): string {
  return JSON.stringify({ format: sheet.format, delimiter: sheet.delimiter, rows: sheet.rows });
}

export function decodeSheetPayload(text: string): SheetPayload | null {
  try {
    const parsed = sheetPayload.safeParse(JSON.parse(text));
    return parsed.success ? { ok: true, ...parsed.data } : null;
  } catch {
    return null;
  }
}
