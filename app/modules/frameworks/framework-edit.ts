// Browser-safe: the editor page and the review page read these types; the server parses with them.
import type { StoredFrameworkDefinition } from "../../../db/schema/frameworks";
import { echoValues, type FieldErrors, numberFieldError, parseRecordNumber, plainText } from "../forms/form-data";
import { type NumberConvention, type NumberRules, parseLocaleNumber } from "../numbers/locale-number";
import { type FrameworkProblem, frameworkProblems } from "./framework-definition";
import type { FrameworkNode } from "./framework-index";

export type { StoredFrameworkDefinition };

/** A node of the framework as the editor shows it: its place in the tree and its current name and weight. */
export interface EditableNode extends FrameworkNode {
  name: string;
}

/** What the editor starts from: the framework's current version, its scale and its tree. */
export interface EditableFramework {
  version: number;
  scale: { min: number; max: number; decimals: number };
  nodes: EditableNode[];
  definition: StoredFrameworkDefinition;
}

export const MAX_BANDS = 10;
export const MAX_NODE_NAME = 300;
export const MAX_LEVEL_NAME = 60;
export const MAX_BAND_NAME = 60;
export const MAX_NOTE = 2000;
/** Weights are percentages stored with three decimals (framework_nodes.weight numeric(6,3)). */
const WEIGHT_RULES: NumberRules = { min: 0, max: 100, maxDecimals: 3 };

/** The editor's field names, in Indonesian like every form on the site. */
export const editFields = {
  name: (nodeId: number) => `nama_${nodeId}`,
  weight: (nodeId: number) => `bobot_${nodeId}`,
  /** A group's weight is computed from its members: its problems are shown next to that sum. */
  group: (nodeId: number) => `kelompok_${nodeId}`,
  level: (level: number) => `tingkat_${level}`,
  bandName: (row: number) => `predikat_nama_${row}`,
  bandBound: (row: number) => `predikat_batas_${row}`,
  sourceStatus: "status_sumber",
  statusNote: "catatan_status",
  reason: "alasan",
  version: "versi",
  total: "total",
  levels: "tingkat",
  bands: "predikat",
  form: "form",
} as const;

export const SOURCE_STATUS_VALUES = { teks_resmi: "official_text", sumber_sekunder: "secondary_sources" } as const;

/** A reason the edit cannot be proposed, beyond a single field's text or number, with where to show it. */
export type EditProblem = (FrameworkProblem | { code: "unknownNode" } | { code: "tooManyBands"; max: number } | { code: "noChange" } | { code: "staleVersion"; current: number }) & {
  field: string;
};

export type FrameworkEditResult =
  | { ok: true; proposed: StoredFrameworkDefinition; reason: string; baseVersion: number }
  | { ok: false; errors: FieldErrors; problems: EditProblem[]; values: Record<string, string> };

/** Each group's weight is the sum of its members' (rounded to the stored precision, so 0.1 + 0.2 is 0.3). */
export function withGroupWeights<T extends FrameworkNode>(nodes: readonly T[], indicatorWeights: ReadonlyMap<number, number>): T[] {
  const memo = new Map<number, number>();
  const weightOf = (node: T): number => {
    if (node.kind === "indicator") return indicatorWeights.get(node.id) ?? node.weight;
    const known = memo.get(node.id);
    if (known !== undefined) return known;
    const sum = nodes.filter((child) => child.parentId === node.id).reduce((total, child) => total + weightOf(child), 0);
    const rounded = Math.round(sum * 1000) / 1000;
    memo.set(node.id, rounded);
    return rounded;
  };
  return nodes.map((node) => ({ ...node, weight: weightOf(node) }));
}

/**
 * Reads the framework editor's form against the framework's current version: names and indicator
 * weights of the nodes it has (a field naming another node is refused), level names, predikat
 * bands (empty rows are left out), the source status and its note, and the reason. Numbers are
 * read the reader's way ("2,5"). Group weights are the sums of their members. Everything is
 * checked with frameworkProblems, each problem put next to the field it concerns.
 */
export function parseFrameworkEdit(form: FormData, framework: EditableFramework, convention: NumberConvention): FrameworkEditResult {
  const errors: FieldErrors = {};
  const problems: EditProblem[] = [];
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const readText = (name: string, max: number, required: boolean): string => {
    const value = plainText(text(name));
    if (value.length > max) errors[name] = { code: "tooLong", max };
    else if (required && value === "") errors[name] = { code: "required" };
    return value.slice(0, max);
  };
  const readNumber = (name: string, rules: NumberRules): number | null => {
    const raw = text(name);
    if (raw.trim() === "") {
      errors[name] = { code: "required" };
      return null;
    }
    const parsed = parseLocaleNumber(raw.slice(0, 40), convention, rules);
    if (parsed.ok && raw.length <= 40) return parsed.value;
    errors[name] = parsed.ok ? { code: "numberInvalid" } : numberFieldError(parsed.problem, rules, parsed.readings);
    return null;
  };

  const nodeIds = new Set(framework.nodes.map((node) => node.id));
  const indicatorIds = new Set(framework.nodes.filter((node) => node.kind === "indicator").map((node) => node.id));
  const bandRowNumbers = new Set<number>();
  for (const key of new Set(form.keys())) {
    const node = /^(nama|bobot)_(\d{1,10})$/.exec(key);
    if (node) {
      const id = Number(node[2]);
      if (node[1] === "nama" ? !nodeIds.has(id) : !indicatorIds.has(id)) problems.push({ code: "unknownNode", field: editFields.form });
    }
    const band = /^predikat_(?:nama|batas)_(\d{1,10})$/.exec(key);
    if (band) bandRowNumbers.add(Number(band[1]));
  }
  if ([...bandRowNumbers].some((row) => row >= MAX_BANDS)) problems.push({ code: "tooManyBands", max: MAX_BANDS, field: editFields.bands });

  const names = new Map(framework.nodes.map((node) => [node.id, readText(editFields.name(node.id), MAX_NODE_NAME, true)]));
  const weights = new Map<number, number>();
  for (const id of indicatorIds) {
    const weight = readNumber(editFields.weight(id), WEIGHT_RULES);
    if (weight !== null) weights.set(id, weight);
  }

  const levels = [...new Set(form.keys())]
    .flatMap((key) => {
      const match = /^tingkat_(\d{1,3})$/.exec(key);
      return match ? [{ level: Number(match[1]), name: readText(key, MAX_LEVEL_NAME, false) }] : [];
    })
    .sort((a, b) => a.level - b.level);

  const bandRows: { row: number; name: string; minValue: number }[] = [];
  for (let row = 0; row < MAX_BANDS; row++) {
    if (text(editFields.bandName(row)).trim() === "" && text(editFields.bandBound(row)).trim() === "") continue;
    const name = readText(editFields.bandName(row), MAX_BAND_NAME, true);
    // The lowest band may start below the scale (Pemdi 2026's "Kurang" starts at 0 on a 1–5 scale).
    const rules = { min: Math.min(0, framework.scale.min), max: framework.scale.max, maxDecimals: framework.scale.decimals };
    const minValue = readNumber(editFields.bandBound(row), rules);
    if (name !== "" && minValue !== null) bandRows.push({ row, name, minValue });
  }

  const statusValue = text(editFields.sourceStatus);
  const sourceStatus = statusValue in SOURCE_STATUS_VALUES ? SOURCE_STATUS_VALUES[statusValue as keyof typeof SOURCE_STATUS_VALUES] : null;
  if (!sourceStatus) errors[editFields.sourceStatus] = { code: "required" };
  const statusNote = readText(editFields.statusNote, MAX_NOTE, false);
  const reason = readText(editFields.reason, MAX_NOTE, true);
  const baseVersion = parseRecordNumber(form.get(editFields.version));
  if (baseVersion !== framework.version) problems.push({ code: "staleVersion", current: framework.version, field: editFields.form });

  const fail = () => ({ ok: false as const, errors, problems, values: echoValues(form) });
  if (Object.keys(errors).length > 0 || problems.length > 0 || !sourceStatus) return fail();

  const nodes = withGroupWeights(framework.nodes, weights);
  const bands = bandRows.map(({ name, minValue }) => ({ name, minValue }));
  for (const problem of frameworkProblems({ scale: framework.scale, levels, bands, nodes })) {
    problems.push({ ...problem, field: problemField(problem, nodes, bandRows) });
  }
  const proposed: StoredFrameworkDefinition = {
    sourceStatus,
    statusNote: statusNote === "" ? null : statusNote,
    nodes: nodes.map((node) => ({ id: node.id, name: names.get(node.id)!, weight: node.weight })).sort((a, b) => a.id - b.id),
    levels,
    bands: [...bands].sort((a, b) => b.minValue - a.minValue),
  };
  if (problems.length === 0 && diffFrameworkDefinitions(framework.definition, proposed, framework.nodes).length === 0) {
    problems.push({ code: "noChange", field: editFields.form });
  }
  if (problems.length > 0) return fail();
  return { ok: true, proposed, reason, baseVersion: framework.version };
}

/** The field a definition problem is shown next to (a repeated band: its second row). */
function problemField(problem: FrameworkProblem, nodes: readonly FrameworkNode[], bandRows: readonly { row: number; name: string; minValue: number }[]): string {
  const nodeField = (kind: FrameworkNode["kind"], number: number) => {
    const node = nodes.find((candidate) => candidate.kind === kind && candidate.number === number);
    if (!node) return editFields.total;
    return kind === "indicator" ? editFields.weight(node.id) : editFields.group(node.id);
  };
  const secondRow = (matches: (row: (typeof bandRows)[number]) => boolean) => bandRows.filter(matches)[1]?.row ?? bandRows.find(matches)?.row ?? 0;
  switch (problem.code) {
    case "weightsNotHundred":
      return editFields.total;
    case "weightNotPositive":
    case "childWeightsDiffer":
    case "groupEmpty":
      return nodeField(problem.kind, problem.number);
    case "levelsNotScale":
      return editFields.levels;
    case "levelUnnamed":
      return editFields.level(problem.level);
    case "bandsMissingLowest":
      return editFields.bands;
    case "bandBoundsRepeat":
      return editFields.bandBound(secondRow((row) => row.minValue === problem.minValue));
    case "bandNamesRepeat":
      return editFields.bandName(secondRow((row) => row.name === problem.name));
    case "bandOutsideScale":
      return editFields.bandBound(secondRow((row) => row.name === problem.name));
  }
}

/** One difference between two versions of a framework, as the review page and the history list it. */
export type FrameworkDiffEntry =
  | { kind: "nodeName"; nodeKind: FrameworkNode["kind"]; number: number; before: string; after: string }
  | { kind: "nodeWeight"; nodeKind: FrameworkNode["kind"]; number: number; name: string; before: number; after: number }
  | { kind: "levelName"; level: number; before: string | null; after: string | null }
  | { kind: "band"; name: string; before: number | null; after: number | null }
  | { kind: "sourceStatus"; before: StoredFrameworkDefinition["sourceStatus"]; after: StoredFrameworkDefinition["sourceStatus"] }
  | { kind: "statusNote"; before: string | null; after: string | null };

/**
 * What changes from one version to the next: names and weights per node (in the tree's order,
 * read from `shape`), level names, bands by name (a renamed band is one removed and one added),
 * the source status and its note.
 */
export function diffFrameworkDefinitions(before: StoredFrameworkDefinition, after: StoredFrameworkDefinition, shape: readonly Pick<FrameworkNode, "id" | "kind" | "number">[]): FrameworkDiffEntry[] {
  const entries: FrameworkDiffEntry[] = [];
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterNodes = new Map(after.nodes.map((node) => [node.id, node]));
  const kindOrder = { domain: 0, aspect: 1, indicator: 2 };
  const ordered = [...shape].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.number - b.number);
  for (const { id, kind, number } of ordered) {
    const old = beforeNodes.get(id);
    const next = afterNodes.get(id);
    if (!old || !next) continue;
    if (old.name !== next.name) entries.push({ kind: "nodeName", nodeKind: kind, number, before: old.name, after: next.name });
    if (old.weight !== next.weight) entries.push({ kind: "nodeWeight", nodeKind: kind, number, name: next.name, before: old.weight, after: next.weight });
  }
  const levelNumbers = [...new Set([...before.levels, ...after.levels].map((level) => level.level))].sort((a, b) => a - b);
  for (const level of levelNumbers) {
    const old = before.levels.find((entry) => entry.level === level)?.name ?? null;
    const next = after.levels.find((entry) => entry.level === level)?.name ?? null;
    if (old !== next) entries.push({ kind: "levelName", level, before: old, after: next });
  }
  const bandNames = [...new Set([...before.bands, ...after.bands].map((band) => band.name))];
  const boundOf = (bands: StoredFrameworkDefinition["bands"], name: string) => bands.find((band) => band.name === name)?.minValue ?? null;
  const bandChanges = bandNames
    .map((name) => ({ kind: "band" as const, name, before: boundOf(before.bands, name), after: boundOf(after.bands, name) }))
    .filter((entry) => entry.before !== entry.after)
    .sort((a, b) => (b.after ?? b.before ?? 0) - (a.after ?? a.before ?? 0));
  entries.push(...bandChanges);
  if (before.sourceStatus !== after.sourceStatus) entries.push({ kind: "sourceStatus", before: before.sourceStatus, after: after.sourceStatus });
  if ((before.statusNote ?? null) !== (after.statusNote ?? null)) entries.push({ kind: "statusNote", before: before.statusNote, after: after.statusNote });
  return entries;
}
