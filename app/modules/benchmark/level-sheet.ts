import { parseLocaleNumber } from "../numbers/locale-number";
import type { SheetCell, SheetRow } from "../spreadsheets/import.server";

/**
 * A region's indicator levels as a spreadsheet: one row per indicator, with its number and its
 * level (as copied from the evaluation report). Other columns (names, notes) are ignored.
 */
const NUMBER_HEADERS = ["indikator", "nomor_indikator", "no_indikator", "nomor", "no", "indicator", "indicator_number"];
const LEVEL_HEADERS = ["tingkat", "level", "nilai", "tingkat_kematangan"];

export type LevelSheetProblemCode = "empty" | "missingColumn" | "unknownIndicator" | "duplicateIndicator" | "missingIndicators" | "levelOutOfRange";

export interface LevelSheetProblem {
  line: number;
  code: LevelSheetProblemCode;
  value?: string;
}

function header(cell: SheetCell): string {
  return String(cell ?? "")
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, "_")
    .replace(/_+$/, "");
}

/** Indicator number → level for every indicator, or the problems that stop that. */
export function parseLevelSheet(sheet: readonly SheetRow[], indicatorNumbers: readonly number[]): { levels: Map<number, number>; problems: LevelSheetProblem[] } {
  const levels = new Map<number, number>();
  const problems: LevelSheetProblem[] = [];
  const [head, ...body] = sheet;
  if (!head || body.length === 0) return { levels, problems: [{ line: 0, code: "empty" }] };
  const numberColumn = head.cells.findIndex((cell) => NUMBER_HEADERS.includes(header(cell)));
  const levelColumn = head.cells.findIndex((cell) => LEVEL_HEADERS.includes(header(cell)));
  if (numberColumn < 0 || levelColumn < 0) return { levels, problems: [{ line: head.line, code: "missingColumn" }] };
  const known = new Set(indicatorNumbers);
  const lineOf = new Map<number, number>();
  for (const row of body) {
    const numberCell = row.cells[numberColumn];
    const levelCell = row.cells[levelColumn];
    const number = typeof numberCell === "number" ? numberCell : Number(String(numberCell ?? "").trim());
    if (!Number.isInteger(number) || !known.has(number)) {
      problems.push({ line: row.line, code: "unknownIndicator", value: String(numberCell ?? "").slice(0, 20) });
      continue;
    }
    if (lineOf.has(number)) {
      problems.push({ line: row.line, code: "duplicateIndicator", value: `${number} (${lineOf.get(number)})` });
      continue;
    }
    lineOf.set(number, row.line);
    const parsed = typeof levelCell === "number" ? { ok: Number.isInteger(levelCell) && levelCell >= 1 && levelCell <= 5, value: levelCell } : parseLocaleNumber(String(levelCell ?? ""), null, { min: 1, max: 5, integer: true });
    if (parsed.ok) levels.set(number, parsed.value);
    else problems.push({ line: row.line, code: "levelOutOfRange", value: `${number}: ${String(levelCell ?? "").slice(0, 20)}` });
  }
  const missing = indicatorNumbers.filter((number) => !lineOf.has(number));
  if (missing.length > 0) problems.push({ line: 0, code: "missingIndicators", value: missing.join(", ") });
  return { levels, problems };
}
