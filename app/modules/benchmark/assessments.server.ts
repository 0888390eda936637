import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { assessmentLevels, assessments, frameworkNodes, frameworks } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";
import { recordAudit } from "../audit/index.server";
import { invalidateBenchmarkData } from "./benchmark-data.server";
import type { LevelKind } from "./figure-kinds";
import { computeFrameworkIndex, type FrameworkNode } from "../frameworks";
import { type SelfAssessmentEntry, type SelfAssessmentMismatch, selfAssessmentMismatch } from "./self-assessment";

export interface IndicatorLevel {
  level: number;
  note?: string;
  evidenceUrl?: string | null;
  /** The other agency's score the level was derived from (externally scored indicators). */
  externalScore?: number | null;
}

export interface AssessmentInput {
  regionCode: string;
  frameworkId: number;
  year: number;
  kind: LevelKind;
  /** The index the evaluation report states (verified levels). */
  reportedIndex?: number | null;
  sourceId?: number | null;
  /** The region's submission verified levels come from. */
  submissionId?: number | null;
  /** Indicator node id → level; replaces all stored levels when given. */
  levels?: ReadonlyMap<number, IndicatorLevel>;
  updatedById?: number | null;
}

/**
 * Creates or replaces a region's assessment for one framework, year and kind, with its
 * indicator levels and the index computed from them (stored so pages need no maths).
 */
export async function storeAssessment(input: AssessmentInput, nodes: readonly FrameworkNode[], executor: DatabaseOrTransaction = db()): Promise<number> {
  const levels = input.levels;
  const computed = levels ? computeFrameworkIndex(nodes, new Map([...levels].map(([id, value]) => [id, value.level]))) : null;
  const values = {
    reportedIndex: input.reportedIndex ?? null,
    sourceId: input.sourceId ?? null,
    submissionId: input.submissionId ?? null,
    // The version in force as the index is stored, read in the same statement so no caller can forget it.
    frameworkVersion: sql<number>`(select ${frameworks.version} from ${frameworks} where ${frameworks.id} = ${input.frameworkId})`,
    computedIndex: computed?.index ?? null,
    subIndices: computed && computed.index !== null ? Object.fromEntries(Object.entries(computed.subIndices)) : null,
    updatedById: input.updatedById ?? null,
    updatedAt: new Date(),
  };
  const [row] = await executor
    .insert(assessments)
    .values({ regionCode: input.regionCode, frameworkId: input.frameworkId, year: input.year, kind: input.kind, ...values })
    .onConflictDoUpdate({ target: [assessments.regionCode, assessments.frameworkId, assessments.year, assessments.kind], set: values })
    .returning({ id: assessments.id });
  const assessmentId = row!.id;
  if (levels) {
    await executor.delete(assessmentLevels).where(eq(assessmentLevels.assessmentId, assessmentId));
    if (levels.size > 0) {
      await executor.insert(assessmentLevels).values(
        [...levels].map(([nodeId, value]) => ({
          assessmentId,
          nodeId,
          level: value.level,
          note: value.note ?? "",
          evidenceUrl: value.evidenceUrl ?? null,
          externalScore: value.externalScore ?? null,
        })),
      );
    }
  }
  return assessmentId;
}

/** One assessment's indicator levels, by node id. */
export async function getAssessmentLevels(assessmentId: number) {
  const rows = await db()
    .select({
      nodeId: assessmentLevels.nodeId,
      level: assessmentLevels.level,
      note: assessmentLevels.note,
      evidenceUrl: assessmentLevels.evidenceUrl,
      externalScore: assessmentLevels.externalScore,
    })
    .from(assessmentLevels)
    .where(eq(assessmentLevels.assessmentId, assessmentId));
  return new Map(rows.map(({ nodeId, ...level }) => [nodeId, level]));
}

export async function findAssessment(key: { regionCode: string; frameworkId: number; year: number; kind: LevelKind }) {
  const row = await db().query.assessments.findFirst({
    where: and(
      eq(assessments.regionCode, key.regionCode),
      eq(assessments.frameworkId, key.frameworkId),
      eq(assessments.year, key.year),
      eq(assessments.kind, key.kind),
    ),
  });
  return row ?? null;
}

/** A self-assessment that mixes frameworks or years (see selfAssessmentMismatch): nothing is saved. */
export class SelfAssessmentRefused extends Error {
  constructor(readonly reason: SelfAssessmentMismatch) {
    super(`self-assessment refused: ${reason}`);
    this.name = "SelfAssessmentRefused";
  }
}

/**
 * Saves a region's self-assessment for a framework and year (replacing the previous one, so a
 * replayed form stores the same levels again and needs no form token), audited. Refused when the framework does not apply to the year or the entries hold another
 * framework's indicators: the page checks this first, this keeps every other caller to it.
 */
export async function saveSelfAssessment(input: {
  regionCode: string;
  year: number;
  entries: ReadonlyMap<number, SelfAssessmentEntry>;
  nodes: readonly FrameworkNode[];
  framework: { id: number; slug: string; firstYear: number | null; lastYear: number | null; version: number };
  actorId: number;
  ip: string;
}): Promise<void> {
  const mismatch = selfAssessmentMismatch({
    framework: input.framework,
    year: input.year,
    indicatorIds: input.nodes.filter((node) => node.kind === "indicator").map((node) => node.id),
    postedIds: input.entries.keys(),
  });
  if (mismatch) throw new SelfAssessmentRefused(mismatch);
  await db().transaction(async (tx) => {
    const levels = new Map(
      [...input.entries].flatMap(([id, entry]) =>
        entry.level === null ? [] : [[id, { level: entry.level, note: entry.note, evidenceUrl: entry.evidenceUrl || null, externalScore: entry.externalScore }] as const],
      ),
    );
    const id = await storeAssessment(
      {
        regionCode: input.regionCode,
        frameworkId: input.framework.id,
        year: input.year,
        kind: "self",
        levels,
        updatedById: input.actorId,
      },
      input.nodes,
      tx,
    );
    await recordAudit(
      {
        actorId: input.actorId,
        action: "assessment.self_saved",
        targetType: "assessment",
        targetId: id,
        after: { regionCode: input.regionCode, framework: input.framework.slug, year: input.year, levels: levels.size },
        ip: input.ip,
      },
      tx,
    );
  });
  await invalidateBenchmarkData();
}

/** The indicators of a framework another agency scores, with what that score is (framework_nodes.score_from). */
export async function getExternallyScoredIndicators(frameworkId: number): Promise<Map<number, string>> {
  const rows = await db()
    .select({ id: frameworkNodes.id, scoreFrom: frameworkNodes.scoreFrom })
    .from(frameworkNodes)
    .where(and(eq(frameworkNodes.frameworkId, frameworkId), isNotNull(frameworkNodes.scoreFrom)));
  return new Map(rows.map((row) => [row.id, row.scoreFrom!]));
}

/**
 * A region's latest profile in a framework with indicator levels behind it: verified levels
 * before its own self-assessment in the same year; null when it has neither. Sample levels are
 * synthetic and never a region's profile.
 */
export async function latestLevelProfile(regionCode: string, frameworkSlug: string) {
  const [row] = await db()
    .select({ year: assessments.year, kind: assessments.kind, index: assessments.computedIndex, subIndices: assessments.subIndices })
    .from(assessments)
    .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
    .where(
      and(
        eq(assessments.regionCode, regionCode),
        eq(frameworks.slug, frameworkSlug),
        inArray(assessments.kind, ["verified", "self"]),
        isNotNull(assessments.computedIndex),
        isNotNull(assessments.subIndices),
      ),
    )
    // The enum lists verified before self.
    .orderBy(desc(assessments.year), asc(assessments.kind))
    .limit(1);
  return row ? { year: row.year, kind: row.kind as "verified" | "self", index: row.index!, subIndices: row.subIndices! } : null;
}

/**
 * Publishes a region's self-assessment of one year for every visitor (labelled as a
 * self-assessment), or takes it back to the region and Kemendagri; audited. False when the
 * region has no self-assessment for that year.
 */
export async function setSelfAssessmentPublished(input: { regionCode: string; frameworkId: number; year: number; published: boolean; actorId: number; ip: string }): Promise<boolean> {
  const changed = await db().transaction(async (tx) => {
    const [row] = await tx
      .update(assessments)
      .set(input.published ? { publishedAt: new Date(), publishedById: input.actorId } : { publishedAt: null, publishedById: null })
      .where(and(eq(assessments.regionCode, input.regionCode), eq(assessments.frameworkId, input.frameworkId), eq(assessments.year, input.year), eq(assessments.kind, "self")))
      .returning({ id: assessments.id });
    if (!row) return false;
    await recordAudit(
      {
        actorId: input.actorId,
        action: input.published ? "assessment.self_published" : "assessment.self_unpublished",
        targetType: "assessment",
        targetId: row.id,
        after: { regionCode: input.regionCode, year: input.year },
        ip: input.ip,
      },
      tx,
    );
    return true;
  });
  if (changed) await invalidateBenchmarkData();
  return changed;
}
