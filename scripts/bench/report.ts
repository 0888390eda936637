/**
 * The bench's figures as data: sections of rows, each row's figures by column key and the limits
 * they must keep, so one run, or the median of several, prints and is judged the same way.
 */

export type Figures = Record<string, number | null>;

/** `figure` must not exceed `max`: a number, or another figure of the same row. */
export interface Limit {
  figure: string;
  max: number | { figure: string };
  label: string;
}

export interface Row {
  name: string;
  figures: Figures;
  limits: Limit[];
  /** Context that is not judged (what was sent, sizes, failing paths). */
  note?: string;
  /** Say PASS when no limit is broken (for a row that is a verdict, not only figures). */
  verdict?: boolean;
}

export interface Column {
  key: string;
  header: string;
  /** "ms" and "count" print as numbers, "ratio" as a multiple (2.4×). */
  kind: "ms" | "count" | "rate" | "ratio";
}

export interface Section {
  title: string;
  columns: Column[];
  rows: Row[];
  /** Said under the table: what the figures mean. */
  legend?: string;
}

/** A multiple with two significant figures' worth of precision: 0.052×, 1.8×, 12×. */
export function formatMultiple(value: number): string {
  if (!Number.isFinite(value)) return "-";
  if (value >= 10) return `${Math.round(value)}×`;
  if (value >= 1) return `${value.toFixed(1)}×`;
  return `${value.toFixed(2)}×`;
}

/** `value / ceiling`, or null when either is missing or the ceiling is zero. */
export function ratio(value: number | null | undefined, ceiling: number | null | undefined): number | null {
  if (value == null || ceiling == null || ceiling === 0) return null;
  return value / ceiling;
}

/** The median of the values (the mean of the middle two for an even count); null if any is missing. */
export function medianOf(values: readonly (number | null)[]): number | null {
  if (values.length === 0 || values.some((value) => value === null)) return null;
  const sorted = (values as number[]).slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The limits a row breaks, as readable text; a missing figure breaks its limit. */
export function brokenLimits(row: Row): string[] {
  return row.limits.flatMap((limit) => {
    const value = row.figures[limit.figure];
    const max = typeof limit.max === "number" ? limit.max : row.figures[limit.max.figure];
    if (value != null && max != null && value <= max) return [];
    return [`FAIL ${limit.label}`];
  });
}

/**
 * The median of each figure over runs of the same sections (same titles and rows in the same
 * order): ratios are medians of each run's ratio, never a ratio of medians from different runs.
 */
export function medianSections(runs: readonly Section[][]): Section[] {
  const [first] = runs;
  if (!first) return [];
  return first.map((section, sectionIndex) => ({
    ...section,
    title: `${section.title} — median of ${runs.length} runs`,
    rows: section.rows.map((row, rowIndex) => {
      const same = runs.map((run) => {
        const other = run[sectionIndex]?.rows[rowIndex];
        if (!other || other.name !== row.name) throw new Error(`runs differ at "${section.title}" row ${rowIndex}`);
        return other;
      });
      const figures: Figures = {};
      for (const key of Object.keys(row.figures)) figures[key] = medianOf(same.map((other) => other.figures[key] ?? null));
      return { name: row.name, figures, limits: row.limits, verdict: row.verdict };
    }),
  }));
}

function formatCell(value: number | null | undefined, kind: Column["kind"]): string {
  if (value == null) return "-";
  if (kind === "ratio") return formatMultiple(value);
  if (kind === "count") return String(Math.round(value));
  return value.toFixed(1);
}

/** A section as a plain-text table; a row's note and broken limits follow its figures. */
export function formatSection(section: Section): string {
  const nameWidth = Math.max(4, ...section.rows.map((row) => row.name.length)) + 2;
  const widths = section.columns.map((column) => Math.max(column.header.length, 7) + 2);
  const header = "".padEnd(nameWidth) + section.columns.map((column, i) => column.header.padStart(widths[i]!)).join("") + "  note";
  const lines = section.rows.map((row) => {
    const cells = section.columns.map((column, i) => formatCell(row.figures[column.key], column.kind).padStart(widths[i]!)).join("");
    const broken = brokenLimits(row);
    const note = [row.verdict && broken.length === 0 ? "PASS" : "", row.note, ...broken].filter(Boolean).join("; ");
    return `${row.name.padEnd(nameWidth)}${cells}  ${note}`.trimEnd();
  });
  return [`== ${section.title}`, header.trimEnd(), ...lines, ...(section.legend ? [section.legend] : [])].join("\n");
}

/** Every row that breaks a limit, named with its section. */
export function failures(sections: readonly Section[]): string[] {
  return sections.flatMap((section) => section.rows.flatMap((row) => brokenLimits(row).map((broken) => `${section.title} / ${row.name}: ${broken}`)));
}
