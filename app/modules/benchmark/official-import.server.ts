import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { assessmentLevels, assessments, provinces, publishedResults, regions, sources } from "../../../db/schema";
import { ensureSource } from "../../../db/sources";
import { recordAudit } from "../audit/index.server";
import { db, type DatabaseOrTransaction, lockForTransaction, longTransaction } from "../db.server";
import { frameworkCoversYear, getFrameworkSummary, getFrameworkTree, getLevelCriteria } from "../frameworks/index.server";
import { predikatOf } from "../frameworks";
import { once } from "../forms/submit-once.server";
import type { ServerTranslator } from "../i18n/translator";
import { type ExportTable, exportLabels } from "../spreadsheets/export.server";
import type { SheetRow } from "../spreadsheets/import.server";
import { storeAssessment } from "./assessments.server";
import { invalidateBenchmarkData } from "./benchmark-data.server";
import { computeFrameworkIndex, indexMismatch } from "../frameworks";
import { type OfficialResultRow, parseOfficialResultsSheet } from "./official-results-sheet";
import { syncSampleData } from "./sample-data.server";

export type ImportRowStatus = "new" | "changed" | "unchanged";

interface CurrentValue {
  value: number;
  decimals: number;
  sourceKey: string;
  citation: string;
  url: string | null;
  decree: string | null;
}

/** The first evaluation year a result may be imported for (SPBE evaluations began in 2018). */
const FIRST_YEAR = 2018;

async function knownGovernments(executor: DatabaseOrTransaction) {
  const [regionRows, provinceRows] = await Promise.all([
    executor.select({ code: regions.code, name: regions.name }).from(regions),
    executor.select({ code: provinces.code, name: provinces.name }).from(provinces),
  ]);
  return new Map([...regionRows, ...provinceRows].map((row) => [row.code, row.name]));
}

/** The current (not superseded) published values of these government-years. */
async function currentValues(executor: DatabaseOrTransaction, frameworkId: number, rows: readonly OfficialResultRow[]) {
  const codes = [...new Set(rows.map((row) => row.code))];
  const current = new Map<string, CurrentValue[]>();
  if (codes.length === 0) return current;
  const stored = await executor
    .select({ code: publishedResults.subjectCode, year: publishedResults.year, value: publishedResults.value, decimals: publishedResults.decimals, decree: publishedResults.decree, sourceKey: sources.key, citation: sources.citation, url: sources.url })
    .from(publishedResults)
    .innerJoin(sources, eq(sources.id, publishedResults.sourceId))
    .where(and(eq(publishedResults.frameworkId, frameworkId), isNull(publishedResults.supersededAt), inArray(publishedResults.subjectCode, codes)))
    .orderBy(publishedResults.id);
  for (const row of stored) {
    const key = `${row.code}:${row.year}`;
    current.set(key, [...(current.get(key) ?? []), { value: row.value, decimals: row.decimals, sourceKey: row.sourceKey, citation: row.citation, url: row.url, decree: row.decree }]);
  }
  return current;
}

/** Verified levels already stored for these government-years: "code:year" → indicator number → level. */
async function storedVerifiedLevels(executor: DatabaseOrTransaction, frameworkId: number, rows: readonly OfficialResultRow[], numberOf: ReadonlyMap<number, number>) {
  const withLevels = rows.filter((row) => row.levels);
  const levels = new Map<string, Map<number, number>>();
  if (withLevels.length === 0) return levels;
  const stored = await executor
    .select({ code: assessments.regionCode, year: assessments.year, nodeId: assessmentLevels.nodeId, level: assessmentLevels.level })
    .from(assessments)
    .innerJoin(assessmentLevels, eq(assessmentLevels.assessmentId, assessments.id))
    .where(and(eq(assessments.frameworkId, frameworkId), eq(assessments.kind, "verified"), inArray(assessments.regionCode, [...new Set(withLevels.map((row) => row.code))])));
  for (const row of stored) {
    const key = `${row.code}:${row.year}`;
    levels.set(key, (levels.get(key) ?? new Map()).set(numberOf.get(row.nodeId) ?? 0, row.level));
  }
  return levels;
}

const sameLevels = (a: ReadonlyMap<number, number> | undefined, b: ReadonlyMap<number, number>) => a !== undefined && a.size === b.size && [...b].every(([number, level]) => a.get(number) === level);

/**
 * Checks a sheet of official results against what we know and what is stored: each row with its
 * government's name, the values it would replace (old → new), whether it is new, changed or
 * unchanged, and a reported predikat or levels that disagree with the index. Nothing is stored.
 * The fingerprint sums up the stored values the check saw, so an import can refuse to act on a
 * preview that has gone stale.
 */
export async function checkOfficialResults(frameworkSlug: string, sheet: readonly SheetRow[], executor: DatabaseOrTransaction = db()) {
  const [tree, framework, names, criteria] = await Promise.all([getFrameworkTree(frameworkSlug), getFrameworkSummary(frameworkSlug), knownGovernments(executor), getLevelCriteria(frameworkSlug)]);
  if (!framework) throw new Error(`unknown framework ${frameworkSlug}`);
  const indicators = [...tree.indicatorsById.values()];
  const check = parseOfficialResultsSheet(sheet, {
    names,
    indicatorNumbers: indicators.map((indicator) => indicator.number).sort((a, b) => a - b),
    years: { min: FIRST_YEAR, max: new Date().getFullYear() },
    coversYear: (year) => frameworkCoversYear(framework, year),
    levels: levelScale(criteria),
  });
  const idByNumber = new Map(indicators.map((indicator) => [indicator.number, indicator.id]));
  const numberById = new Map(indicators.map((indicator) => [indicator.id, indicator.number]));
  const [current, storedLevels] = await Promise.all([currentValues(executor, framework.id, check.rows), storedVerifiedLevels(executor, framework.id, check.rows, numberById)]);

  const rows = check.rows.map((row) => {
    const key = `${row.code}:${row.year}`;
    const before = current.get(key) ?? [];
    const sourceKey = row.source ?? row.decree!;
    const levelsById = row.levels ? new Map([...row.levels].map(([number, level]) => [idByNumber.get(number)!, level])) : null;
    const computed = levelsById ? computeFrameworkIndex(tree.nodes, levelsById).index : null;
    const sameValue = before.length === 1 && Math.round(before[0]!.value * 100) === Math.round(row.index * 100) && before[0]!.sourceKey === sourceKey && before[0]!.decree === row.decree;
    const status: ImportRowStatus = before.length === 0 ? "new" : sameValue && (!row.levels || sameLevels(storedLevels.get(key), row.levels)) ? "unchanged" : "changed";
    const predikat = predikatOf(framework, row.index);
    return {
      ...row,
      name: names.get(row.code) ?? row.code,
      isProvince: !row.code.includes("."),
      sourceKey,
      status,
      before,
      computed,
      mismatch: indexMismatch(computed, row.index),
      predikatComputed: predikat,
      predikatMismatch: row.predikat !== null && row.predikat.toLowerCase() !== (predikat ?? "").toLowerCase(),
      levelsById,
    };
  });
  const counts = {
    new: rows.filter((row) => row.status === "new").length,
    changed: rows.filter((row) => row.status === "changed").length,
    unchanged: rows.filter((row) => row.status === "unchanged").length,
  };
  const fingerprint = createHash("sha256")
    .update(JSON.stringify(rows.map((row) => [row.code, row.year, row.before, row.status])))
    .digest("hex");
  return { ...check, rows, counts, fingerprint, frameworkId: framework.id, frameworkVersion: framework.version, nodes: tree.nodes };
}

/** The lowest and highest level the framework names (every indicator has the same scale). */
function levelScale(criteria: ReadonlyMap<number, readonly { level: number }[]>) {
  const levels = [...criteria.values()].flatMap((indicator) => indicator.map((entry) => entry.level));
  return { min: Math.min(...levels), max: Math.max(...levels) };
}

export type OfficialResultsCheck = Awaited<ReturnType<typeof checkOfficialResults>>;

/** What an import wrote: how many rows were new, changed and unchanged, and how many indexes disagree with their levels. */
export type ImportSummary = { counts: OfficialResultsCheck["counts"]; mismatches: number };

export type ImportOutcome =
  | { ok: true; imported: ImportSummary }
  /** problems: the sheet has errors; confirm: it overwrites official values and that was not confirmed; stale: stored values changed since the preview. */
  | { ok: false; reason: "problems" | "confirm" | "stale"; check: OfficialResultsCheck };

/**
 * Imports every row of a checked sheet or none, in one transaction with one audit entry that
 * records each changed value before and after. A value from another source is superseded (kept,
 * no longer current), never deleted; overwriting any official value needs `confirmOverwrite`.
 */
export async function importOfficialResults(
  frameworkSlug: string,
  sheet: readonly SheetRow[],
  options: { confirmOverwrite: boolean; fingerprint: string; formToken?: string | null },
  actor: { id: number; ip: string },
): Promise<ImportOutcome> {
  const outcome = await longTransaction(async (tx): Promise<ImportOutcome> => {
    // Imports run one at a time, so a preview's "before" values are still true when it is written.
    await lockForTransaction(tx, "idsl:official-import");
    const check = await checkOfficialResults(frameworkSlug, sheet, tx);
    if (check.problems.length > 0) return { ok: false, reason: "problems", check };
    // The confirmed form sent again is answered with what it imported, not taken for a stale preview.
    const submission = {
      userId: actor.id,
      scope: `official_import:${frameworkSlug}`,
      token: options.formToken ?? null,
      sent: { rows: sheet, confirmOverwrite: options.confirmOverwrite, fingerprint: options.fingerprint },
    };
    const result = await once(tx, submission, () => writeOfficialResults(tx, frameworkSlug, check, options, actor));
    return "refused" in result ? { ok: false, reason: result.refused, check } : { ok: true, imported: result.imported };
  });
  if (outcome.ok) await invalidateBenchmarkData();
  return outcome;
}

/** Writes a checked sheet unless the stored values changed since its preview or an overwrite was not confirmed. */
async function writeOfficialResults(
  tx: DatabaseOrTransaction,
  frameworkSlug: string,
  check: OfficialResultsCheck,
  options: { confirmOverwrite: boolean; fingerprint: string },
  actor: { id: number; ip: string },
): Promise<{ refused: "stale" | "confirm" } | { imported: ImportSummary }> {
  if (check.fingerprint !== options.fingerprint) return { refused: "stale" };
  if (check.counts.changed > 0 && !options.confirmOverwrite) return { refused: "confirm" };
  const now = new Date();
  const written = check.rows.filter((row) => row.status !== "unchanged");
  for (const row of written) {
    const sourceId = await ensureSource(tx, "official_decree", row.sourceKey);
    const subject = row.isProvince ? { regionCode: null, provinceCode: row.code } : { regionCode: row.code, provinceCode: null };
    await tx
      .update(publishedResults)
      .set({ supersededAt: now, supersededById: actor.id })
      .where(and(eq(publishedResults.frameworkId, check.frameworkId), eq(publishedResults.subjectCode, row.code), eq(publishedResults.year, row.year), isNull(publishedResults.supersededAt), ne(publishedResults.sourceId, sourceId)));
    // The framework version the value is read with, so a later correction of the framework does not silently reinterpret it.
    const figure = { value: row.index, decimals: row.decimals, reportedPredikat: row.predikat, quote: row.quote, decree: row.decree, frameworkVersion: check.frameworkVersion };
    await tx
      .insert(publishedResults)
      .values({ frameworkId: check.frameworkId, ...subject, year: row.year, sourceId, origin: "import", createdById: actor.id, ...figure })
      .onConflictDoUpdate({
        target: [publishedResults.frameworkId, publishedResults.subjectCode, publishedResults.year, publishedResults.sourceId],
        set: { ...figure, origin: "import", updatedAt: now, supersededAt: null, supersededById: null },
      });
    if (row.levelsById && !row.isProvince) {
      await storeAssessment(
        {
          regionCode: row.code,
          frameworkId: check.frameworkId,
          year: row.year,
          kind: "verified",
          reportedIndex: row.index,
          sourceId,
          levels: new Map([...row.levelsById].map(([id, level]) => [id, { level }])),
          updatedById: actor.id,
        },
        check.nodes,
        tx,
      );
    }
  }
  const describe = (row: (typeof written)[number]) => ({ code: row.code, year: row.year, status: row.status });
  await recordAudit(
    {
      actorId: actor.id,
      action: "assessment.official_imported",
      targetType: "framework",
      targetId: frameworkSlug,
      before: written.map((row) => ({ ...describe(row), values: row.before.map((value) => ({ value: value.value, source: value.sourceKey, decree: value.decree })) })),
      after: {
        counts: check.counts,
        rows: written.map((row) => ({ ...describe(row), value: row.index, source: row.sourceKey, decree: row.decree, levels: row.levels ? row.levels.size : 0 })),
      },
      ip: actor.ip,
    },
    tx,
  );
  // Sample data (demo mode) follows the official values it reproduces.
  await syncSampleData(tx, written.filter((row) => !row.isProvince).map((row) => ({ regionCode: row.code, year: row.year })));
  return { imported: { counts: check.counts, mismatches: check.rows.filter((row) => row.mismatch).length } };
}

/** The template's columns, named as the import reads them (official-results-sheet.ts). */
const TEMPLATE_COLUMNS = ["kode_wilayah", "nama_daerah", "tahun", "indeks", "predikat", "sumber", "keputusan", "kutipan"] as const;

/**
 * The sheet curators fill in for one framework: every province and kabupaten/kota with its code
 * and name, the other columns empty, and a sheet describing each column (naming the framework
 * and its optional indicator columns).
 */
export async function importTemplateTable(translator: ServerTranslator, frameworkSlug: string): Promise<ExportTable> {
  const { t } = translator;
  const [names, framework, tree] = await Promise.all([knownGovernments(db()), getFrameworkSummary(frameworkSlug), getFrameworkTree(frameworkSlug)]);
  if (!framework) throw new Error(`unknown framework ${frameworkSlug}`);
  const framed = { framework: framework.shortName, indicators: tree.indicatorsById.size };
  const codes = [...names.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const types: Record<(typeof TEMPLATE_COLUMNS)[number], ExportTable["columns"][number]["type"]> = {
    kode_wilayah: "text",
    nama_daerah: "text",
    tahun: "integer",
    indeks: "decimal",
    predikat: "text",
    sumber: "text",
    keputusan: "text",
    kutipan: "text",
  };
  return {
    name: `templat-hasil-resmi-${framework.slug}`,
    columns: TEMPLATE_COLUMNS.map((header) => ({ header, description: t(`csvImport.templateColumns.${header}`, framed), type: types[header] })),
    rows: codes.map((code) => [code, names.get(code)!, null, null, null, null, null, null]),
    sources: [{ citation: "Kepmendagri No. 300.2.2-2138 Tahun 2025", url: null, usedFor: t("csvImport.templateColumns.kode_wilayah") }],
    labels: exportLabels(t),
  };
}
