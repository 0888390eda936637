import { detectNumberConvention, type NumberConvention, type NumberProblem, parseLocaleNumber } from "../numbers/locale-number";
import type { SheetCell, SheetRow } from "../spreadsheets/import.server";

/**
 * Official results as curators receive them: one row per government and evaluation year with
 * its index, source and, where known, the framework's indicator levels (SPBE 2020: 47; Pemdi 2026: 20). Column names may be Indonesian
 * or English; columns we do not know are ignored and listed; every problem names its line so
 * the file can be fixed. Nothing is imported while any problem remains.
 */
export const MAX_SHEET_ROWS = 5000;

/** Each column we read, with the header names it is recognised by (after normalising case and spaces). */
const COLUMNS = {
  code: ["kode_wilayah", "kode_daerah", "kode", "region_code", "code"],
  name: ["nama_daerah", "nama_wilayah", "daerah", "nama", "region_name", "region", "name"],
  year: ["tahun", "tahun_evaluasi", "year", "evaluation_year"],
  index: ["indeks", "indeks_spbe", "nilai", "index"],
  predikat: ["predikat", "predicate"],
  source: ["sumber", "source", "source_url"],
  decree: ["keputusan", "sk", "decree"],
  quote: ["kutipan", "quote"],
} as const;
type ColumnKey = keyof typeof COLUMNS;
const INDICATOR_HEADER = /^(?:indikator|indicator)_?(\d{1,2})$/;

export type SheetProblemCode =
  | "notSpreadsheet"
  | "tooLarge"
  | "empty"
  | "tooManyRows"
  | "missingColumn"
  | "duplicateColumn"
  | "missingIndicatorColumns"
  | "indicatorNotInFramework"
  | "unknownRegion"
  | "nameMismatch"
  | "yearInvalid"
  | "yearNotCovered"
  | "notANumber"
  | "numberAmbiguous"
  | "numberWrongMark"
  | "indexOutOfRange"
  | "indexTooPrecise"
  | "levelOutOfRange"
  | "incompleteLevels"
  | "duplicateRow"
  | "sourceMissing"
  | "sourceInvalid"
  | "textTooLong";

export interface SheetProblem {
  /** Line in the file (the header is usually line 1); 0 for the file as a whole. */
  line: number;
  column?: string;
  code: SheetProblemCode;
  value?: string;
}

export interface OfficialResultRow {
  line: number;
  /** Kemendagri code: a kabupaten/kota ("35.10") or a province ("35") for its own government. */
  code: string;
  year: number;
  index: number;
  /** Decimals as the file writes the index ("3,7" keeps one). */
  decimals: number;
  predikat: string | null;
  source: string | null;
  decree: string | null;
  quote: string | null;
  /** Indicator number → level, or null when the row gives only the index. */
  levels: Map<number, number> | null;
}

export interface SheetCheck {
  rows: OfficialResultRow[];
  problems: SheetProblem[];
  /** Columns present in the file but not read (listed so the curator knows they were ignored). */
  ignoredColumns: string[];
  /** How the file writes numbers, as detected; null when it gives no clue. */
  convention: NumberConvention | null;
}

export interface KnownGovernments {
  /** Code → name of every kabupaten, kota and province. */
  names: ReadonlyMap<string, string>;
  indicatorNumbers: readonly number[];
  years: { min: number; max: number };
  /** The evaluation years the chosen framework applies to: a row for another year is refused. */
  coversYear: (year: number) => boolean;
  /** The framework's level scale. */
  levels: { min: number; max: number };
}

const MAX_TEXT = { source: 500, decree: 300, quote: 1000 } as const;

const indexProblemCodes: Record<NumberProblem, SheetProblemCode> = {
  invalid: "notANumber",
  ambiguous: "numberAmbiguous",
  wrongMark: "numberWrongMark",
  outOfRange: "indexOutOfRange",
  notInteger: "notANumber",
  tooPrecise: "indexTooPrecise",
};

function normalizeHeader(cell: SheetCell): string {
  return String(cell ?? "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function cellText(cell: SheetCell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/**
 * A region code as Excel may have left it: "35.10" stays, but a cell Excel turned into the
 * number 35.1 (or wrote back as "35.1", or "35,1" on an Indonesian PC) had lost its trailing
 * zero, since a code always has two digits after the dot.
 */
export function normalizeRegionCode(cell: SheetCell | undefined): string {
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell).padStart(2, "0") : cell.toFixed(2);
  const text = cellText(cell).replace(",", ".");
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return text;
  const province = match[1]!.padStart(2, "0");
  return match[2] === undefined ? province : `${province}.${match[2].padEnd(2, "0")}`;
}

/** "Kabupaten Sumedang", "KAB. SUMEDANG" and "Sumedang" name the same region. */
function comparableName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(kabupaten|kab\.?|kota|provinsi|prov\.?)(\s+administrasi)?\s+/, "")
    .replace(/[^a-z0-9]/g, "");
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:/i;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Reads the sheet's rows against the governments and framework we know; nothing is stored. */
export function parseOfficialResultsSheet(sheet: readonly SheetRow[], known: KnownGovernments): SheetCheck {
  const empty = (problems: SheetProblem[]): SheetCheck => ({ rows: [], problems, ignoredColumns: [], convention: null });
  const [header, ...body] = sheet;
  if (!header || body.length === 0) return empty([{ line: 0, code: "empty" }]);
  if (body.length > MAX_SHEET_ROWS) return empty([{ line: 0, code: "tooManyRows", value: String(MAX_SHEET_ROWS) }]);

  const position = new Map<ColumnKey, number>();
  const indicatorPosition = new Map<number, number>();
  const ignoredColumns: string[] = [];
  const problems: SheetProblem[] = [];
  header.cells.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    if (name === "") return;
    const indicator = INDICATOR_HEADER.exec(name);
    const key = (Object.keys(COLUMNS) as ColumnKey[]).find((candidate) => (COLUMNS[candidate] as readonly string[]).includes(name));
    if (indicator && known.indicatorNumbers.includes(Number(indicator[1]))) {
      if (indicatorPosition.has(Number(indicator[1]))) problems.push({ line: header.line, column: name, code: "duplicateColumn" });
      indicatorPosition.set(Number(indicator[1]), index);
    } else if (indicator) {
      // Not ignored: an indicator the framework lacks means the file was made for another framework.
      problems.push({ line: header.line, column: name, code: "indicatorNotInFramework", value: indicator[1] });
    } else if (key) {
      if (position.has(key)) problems.push({ line: header.line, column: name, code: "duplicateColumn" });
      position.set(key, index);
    } else {
      ignoredColumns.push(cellText(cell).slice(0, 60));
    }
  });
  for (const key of ["code", "year", "index"] as const) if (!position.has(key)) problems.push({ line: header.line, column: COLUMNS[key][0], code: "missingColumn" });
  if (indicatorPosition.size > 0 && indicatorPosition.size < known.indicatorNumbers.length) {
    problems.push({ line: header.line, code: "missingIndicatorColumns", value: String(known.indicatorNumbers.length - indicatorPosition.size) });
  }
  if (problems.length > 0) return { ...empty(problems), ignoredColumns };

  const cellOf = (row: SheetRow, key: ColumnKey) => row.cells[position.get(key) ?? -1];
  // The file's way of writing numbers, from every number written as text in it.
  const numberTexts = body.flatMap((row) => [cellOf(row, "index"), ...[...indicatorPosition.values()].map((index) => row.cells[index])]).filter((cell): cell is string => typeof cell === "string");
  const convention = detectNumberConvention(numberTexts);

  const rows: OfficialResultRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of body) {
    const line = row.line;
    const rowProblems: SheetProblem[] = [];
    const code = normalizeRegionCode(cellOf(row, "code"));
    const name = known.names.get(code);
    if (!name) rowProblems.push({ line, column: "kode_wilayah", code: "unknownRegion", value: cellText(cellOf(row, "code")).slice(0, 20) });
    const givenName = cellText(cellOf(row, "name"));
    if (name && givenName !== "" && comparableName(givenName) !== comparableName(name)) {
      rowProblems.push({ line, column: "nama_daerah", code: "nameMismatch", value: `${givenName.slice(0, 60)} ≠ ${code} ${name}` });
    }

    const yearCell = cellOf(row, "year");
    const year = typeof yearCell === "number" ? yearCell : Number(cellText(yearCell));
    if (!Number.isInteger(year) || year < known.years.min || year > known.years.max) rowProblems.push({ line, column: "tahun", code: "yearInvalid", value: cellText(yearCell).slice(0, 20) });
    else if (!known.coversYear(year)) rowProblems.push({ line, column: "tahun", code: "yearNotCovered", value: String(year) });

    const indexCell = cellOf(row, "index");
    let index = 0;
    let decimals = 2;
    if (typeof indexCell === "number") {
      // A number cell carries no printed precision; an index is published with two decimals.
      index = indexCell;
      if (indexCell < 0 || indexCell > 5) rowProblems.push({ line, column: "indeks", code: "indexOutOfRange", value: String(indexCell) });
    } else {
      const parsed = parseLocaleNumber(cellText(indexCell), convention, { min: 0, max: 5, maxDecimals: 2 });
      // "3,7" is kept as printed; a whole number ("4") is shown like other indices, "4,00".
      if (parsed.ok) [index, decimals] = [parsed.value, parsed.decimals === 0 ? 2 : Math.min(parsed.decimals, 2)];
      else rowProblems.push({ line, column: "indeks", code: indexProblemCodes[parsed.problem], value: cellText(indexCell).slice(0, 20) });
    }

    let levels: Map<number, number> | null = null;
    if (indicatorPosition.size > 0) {
      const filled = [...indicatorPosition].filter(([, column]) => cellText(row.cells[column]) !== "");
      if (filled.length > 0) {
        levels = new Map();
        if (filled.length < indicatorPosition.size) rowProblems.push({ line, code: "incompleteLevels", value: String(indicatorPosition.size - filled.length) });
        for (const [number, column] of filled) {
          const cell = row.cells[column];
          const { min, max } = known.levels;
          const parsed = typeof cell === "number" ? { ok: Number.isInteger(cell) && cell >= min && cell <= max, value: cell } : parseLocaleNumber(cellText(cell), convention, { min, max, integer: true });
          if (parsed.ok) levels.set(number, parsed.value);
          else rowProblems.push({ line, column: `indikator_${number}`, code: "levelOutOfRange", value: cellText(cell).slice(0, 20) });
        }
      }
    }

    const text = (key: "source" | "decree" | "quote") => {
      const value = cellText(cellOf(row, key));
      if (value.length > MAX_TEXT[key]) rowProblems.push({ line, column: COLUMNS[key][0], code: "textTooLong", value: String(MAX_TEXT[key]) });
      return value === "" ? null : value;
    };
    const source = text("source");
    const decree = text("decree");
    const quote = text("quote");
    if (!source && !decree) rowProblems.push({ line, column: "sumber", code: "sourceMissing" });
    if (source && URL_LIKE.test(source) && !isHttpUrl(source)) rowProblems.push({ line, column: "sumber", code: "sourceInvalid", value: source.slice(0, 60) });
    const predikat = cellText(cellOf(row, "predikat")) || null;

    const key = `${code}:${year}`;
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) rowProblems.push({ line, code: "duplicateRow", value: String(firstLine) });
    else firstLineOf.set(key, line);

    problems.push(...rowProblems);
    if (rowProblems.length === 0) rows.push({ line, code, year, index, decimals, predikat, source, decree, quote, levels });
  }
  return { rows, problems, ignoredColumns, convention };
}
