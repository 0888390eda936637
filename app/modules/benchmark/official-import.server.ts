import { upsertSource } from "../../../db/seed/reference";
import { recordAudit } from "../audit/audit.server";
import { db } from "../db.server";
import { getFrameworkSummary, getFrameworkTree } from "../frameworks/frameworks.server";
import { storeAssessment } from "./assessments.server";
import { invalidateBenchmarkData } from "./benchmark-data.server";
import { computeFrameworkIndex, indexMismatch } from "./framework-index";
import { type CsvCheck, parseOfficialResultsCsv } from "./official-csv";

/** Checks an official-results CSV against the regions and framework we know; nothing is stored. */
export async function checkOfficialResultsCsv(frameworkSlug: string, text: string) {
  const [tree, framework, regionRows] = await Promise.all([
    getFrameworkTree(frameworkSlug),
    getFrameworkSummary(frameworkSlug),
    db().query.regions.findMany({ columns: { code: true } }),
  ]);
  if (!framework) throw new Error(`unknown framework ${frameworkSlug}`);
  const indicators = [...tree.indicatorsById.values()];
  const check: CsvCheck = parseOfficialResultsCsv(text, {
    regionCodes: new Set(regionRows.map((row) => row.code)),
    indicatorNumbers: indicators.map((indicator) => indicator.number).sort((a, b) => a - b),
    scale: { min: 0, max: 5 },
    years: { min: 2018, max: new Date().getFullYear() },
  });
  const idByNumber = new Map(indicators.map((indicator) => [indicator.number, indicator.id]));
  const rows = check.rows.map((row) => {
    const levels = row.levels ? new Map([...row.levels].map(([number, level]) => [idByNumber.get(number)!, level])) : null;
    const computed = levels ? computeFrameworkIndex(tree.nodes, levels).index : null;
    return { ...row, levels, computed, mismatch: indexMismatch(computed, row.index) };
  });
  return { rows, problems: check.problems, frameworkId: framework.id, nodes: tree.nodes };
}

/** Imports every row or none: one transaction, one audit entry. */
export async function importOfficialResults(frameworkSlug: string, text: string, actor: { id: number; ip: string }) {
  const checked = await checkOfficialResultsCsv(frameworkSlug, text);
  if (checked.problems.length > 0) return { ok: false as const, checked };
  await db().transaction(async (tx) => {
    for (const row of checked.rows) {
      const sourceId = row.source ? await upsertSource(tx, "official_decree", row.source) : null;
      await storeAssessment(
        {
          regionCode: row.regionCode,
          frameworkId: checked.frameworkId,
          year: row.year,
          kind: "official",
          reportedIndex: row.index,
          decree: row.decree || null,
          sourceId,
          // An empty map clears levels a previous import of this row may have stored.
          levels: new Map([...(row.levels ?? [])].map(([id, level]) => [id, { level }])),
          updatedById: actor.id,
        },
        checked.nodes,
        tx,
      );
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: "assessment.official_imported",
        targetType: "framework",
        targetId: frameworkSlug,
        after: { rows: checked.rows.length, regions: [...new Set(checked.rows.map((row) => row.regionCode))].length },
        ip: actor.ip,
      },
      tx,
    );
  });
  invalidateBenchmarkData();
  return { ok: true as const, checked };
}
