import { parse } from "csv-parse/sync";

/**
 * Official SPBE results as curators receive them: one row per region and evaluation year,
 * `region_code,year,index[,indicator_1…indicator_47][,source][,decree]`. Every problem is
 * reported with its line so the curator can fix the file; nothing is imported while any remain.
 */
export const MAX_CSV_ROWS = 5000;
const REQUIRED_COLUMNS = ["region_code", "year", "index"] as const;
const OPTIONAL_COLUMNS = ["source", "decree"] as const;

export type CsvProblemCode =
  | "notCsv"
  | "tooLarge"
  | "empty"
  | "tooManyRows"
  | "missingColumn"
  | "unknownColumn"
  | "duplicateColumn"
  | "missingIndicatorColumns"
  | "wrongFieldCount"
  | "unknownRegion"
  | "yearInvalid"
  | "notANumber"
  | "indexOutOfRange"
  | "levelOutOfRange"
  | "incompleteLevels"
  | "duplicateRow"
  | "sourceTooLong";

export interface CsvProblem {
  /** Line in the file (the header is line 1); 0 for the file as a whole. */
  line: number;
  column?: string;
  code: CsvProblemCode;
  value?: string;
}

export interface OfficialResultRow {
  line: number;
  regionCode: string;
  year: number;
  index: number;
  /** Indicator number → level, or null when the row gives only the index. */
  levels: Map<number, number> | null;
  source: string;
  decree: string;
}

export interface CsvCheck {
  rows: OfficialResultRow[];
  problems: CsvProblem[];
}

const NUMBER = /^-?\d+([.,]\d+)?$/;

export function parseOfficialResultsCsv(
  text: string,
  known: { regionCodes: ReadonlySet<string>; indicatorNumbers: readonly number[]; scale: { min: number; max: number }; years: { min: number; max: number } },
): CsvCheck {
  // Binary files (spreadsheets, PDFs, images) contain NUL bytes or invalid UTF-8 replacement characters.
  if (text.includes("\u0000") || text.includes("\uFFFD")) return { rows: [], problems: [{ line: 0, code: "notCsv" }] };
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: true, delimiter: [",", ";"] });
  } catch {
    return { rows: [], problems: [{ line: 0, code: "notCsv" }] };
  }
  if (records.length < 2) return { rows: [], problems: [{ line: 0, code: "empty" }] };
  if (records.length - 1 > MAX_CSV_ROWS) return { rows: [], problems: [{ line: 0, code: "tooManyRows", value: String(MAX_CSV_ROWS) }] };

  const header = records[0]!.map((name) => name.toLowerCase());
  const indicatorColumns = new Map(known.indicatorNumbers.map((number) => [`indicator_${number}`, number]));
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push({ line: 1, column: name, code: "duplicateColumn" });
    seen.add(name);
    const allowed = (REQUIRED_COLUMNS as readonly string[]).includes(name) || (OPTIONAL_COLUMNS as readonly string[]).includes(name) || indicatorColumns.has(name);
    if (!allowed) problems.push({ line: 1, column: name.slice(0, 60), code: "unknownColumn" });
  }
  for (const name of REQUIRED_COLUMNS) if (!seen.has(name)) problems.push({ line: 1, column: name, code: "missingColumn" });
  const presentIndicators = [...indicatorColumns.keys()].filter((name) => seen.has(name));
  if (presentIndicators.length > 0 && presentIndicators.length < indicatorColumns.size) {
    problems.push({ line: 1, code: "missingIndicatorColumns", value: String(indicatorColumns.size - presentIndicators.length) });
  }
  if (problems.length > 0) return { rows: [], problems };

  const position = new Map(header.map((name, index) => [name, index]));
  const rows: OfficialResultRow[] = [];
  const keys = new Map<string, number>();
  records.slice(1).forEach((record, offset) => {
    const line = offset + 2;
    const rowProblems: CsvProblem[] = [];
    const cell = (name: string) => record[position.get(name) ?? -1] ?? "";
    if (record.length !== header.length) rowProblems.push({ line, code: "wrongFieldCount", value: String(record.length) });
    const regionCode = cell("region_code");
    if (!known.regionCodes.has(regionCode)) rowProblems.push({ line, column: "region_code", code: "unknownRegion", value: regionCode.slice(0, 20) });
    const yearText = cell("year");
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < known.years.min || year > known.years.max) rowProblems.push({ line, column: "year", code: "yearInvalid", value: yearText.slice(0, 20) });
    const indexText = cell("index");
    const index = Number(indexText.replace(",", "."));
    if (!NUMBER.test(indexText)) rowProblems.push({ line, column: "index", code: "notANumber", value: indexText.slice(0, 20) });
    else if (index < known.scale.min || index > known.scale.max) rowProblems.push({ line, column: "index", code: "indexOutOfRange", value: indexText });

    let levels: Map<number, number> | null = null;
    if (presentIndicators.length > 0) {
      const filled = presentIndicators.filter((name) => cell(name) !== "");
      if (filled.length > 0) {
        levels = new Map();
        if (filled.length < presentIndicators.length) rowProblems.push({ line, code: "incompleteLevels", value: String(presentIndicators.length - filled.length) });
        for (const name of filled) {
          const value = cell(name);
          if (!/^[1-5]$/.test(value)) rowProblems.push({ line, column: name, code: /^-?\d+([.,]\d+)?$/.test(value) ? "levelOutOfRange" : "notANumber", value: value.slice(0, 20) });
          else levels.set(indicatorColumns.get(name)!, Number(value));
        }
      }
    }
    const source = cell("source");
    const decree = cell("decree");
    if (source.length > 500) rowProblems.push({ line, column: "source", code: "sourceTooLong" });
    if (decree.length > 500) rowProblems.push({ line, column: "decree", code: "sourceTooLong" });

    const key = `${regionCode}:${yearText}`;
    const firstLine = keys.get(key);
    if (firstLine !== undefined) rowProblems.push({ line, code: "duplicateRow", value: String(firstLine) });
    else keys.set(key, line);

    problems.push(...rowProblems);
    if (rowProblems.length === 0) rows.push({ line, regionCode, year, index, levels, source, decree });
  });
  return { rows, problems };
}

/** Reads an uploaded file as UTF-8 text, or null when it is not text at all. */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
