import { and, asc, count, desc, eq } from "drizzle-orm";
import { levelSubmissions, regions, sources, users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import type { Actor } from "../auth";
import { can } from "../auth";
import { db, lockForTransaction } from "../db.server";
import { attachmentStorage } from "../files/index.server";
import { checkUploadedFile, storeUpload } from "../files/index.server";
import { type FieldErrors, plainText } from "../forms/form-data";
import { once } from "../forms/submit-once.server";
import { getFrameworkSummary, getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { findAssessment, getAssessmentLevels, storeAssessment } from "./assessments.server";
import { figureOf, getBenchmarkData, invalidateBenchmarkData } from "./benchmark-data.server";
import { computeFrameworkIndex, indexMismatch } from "../frameworks";

/**
 * A region's official indicator levels, read from its evaluation report (Laporan Hasil
 * Evaluasi) by its editors, checked by a curator: submitted → verified (then they become the
 * region's verified levels) or returned with a reason. A newer submission for the same year
 * supersedes one still waiting; every submission and its report are kept.
 */
export interface LevelSubmissionInput {
  regionCode: string;
  year: number;
  /** Indicator node id → level, every indicator of the framework. */
  levels: ReadonlyMap<number, number>;
  reportedIndex: number | null;
  note: string;
  report: { fileName: string; bytes: Uint8Array };
  actorId: number;
  ip: string;
  /** The form's one-time token: the same report sent again (a double click, a resend) is one submission. */
  formToken?: string | null;
}

export type SubmitResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

export async function submitLevels(input: LevelSubmissionInput): Promise<SubmitResult> {
  const [tree, framework] = await Promise.all([getFrameworkTree(SPBE_2020), getFrameworkSummary(SPBE_2020)]);
  if (!framework) throw new Error(`framework ${SPBE_2020} missing`);
  const missing = [...tree.indicatorsById.keys()].filter((id) => !input.levels.has(id));
  const accepted = await checkUploadedFile(input.report.bytes, ["pdf"]);
  const errors: FieldErrors = Object.fromEntries(missing.map((id) => [`level_${id}`, { code: "levelRequired" as const }]));
  if (!accepted.ok) errors.laporan = accepted.error;
  if (Object.keys(errors).length > 0 || !accepted.ok) return { ok: false, errors };

  const stored = await storeUpload({
    regionCode: input.regionCode,
    keyPrefix: `evaluation-reports/${input.regionCode}/${input.year}`,
    fileName: input.report.fileName,
    bytes: input.report.bytes,
    accepted,
    // A replay supersedes nothing and stores no row; its copy of the report is left unrecorded
    // for the orphan clean-up queued with every stored file (see storeUpload).
    commit: (tx, file) => once(tx, submissionOf(input, file.sha256), async () => {
      // One open submission per region-year: concurrent ones take turns superseding each other.
      await lockForTransaction(tx, `level-submission:${input.regionCode}`, input.year);
      const open = and(eq(levelSubmissions.regionCode, input.regionCode), eq(levelSubmissions.frameworkId, framework.id), eq(levelSubmissions.year, input.year), eq(levelSubmissions.status, "submitted"));
      const superseded = await tx.update(levelSubmissions).set({ status: "superseded" }).where(open).returning({ id: levelSubmissions.id });
      const [row] = await tx
        .insert(levelSubmissions)
        .values({
          regionCode: input.regionCode,
          frameworkId: framework.id,
          year: input.year,
          levels: Object.fromEntries([...input.levels].map(([nodeId, level]) => [String(nodeId), level])),
          reportedIndex: input.reportedIndex,
          editorNote: input.note,
          reportStorageKey: file.storageKey,
          reportFileName: file.fileName,
          reportByteSize: file.byteSize,
          reportSha256: file.sha256,
          submittedById: input.actorId,
        })
        .returning({ id: levelSubmissions.id });
      await recordAudit(
        {
          actorId: input.actorId,
          action: "assessment.levels_submitted",
          targetType: "level_submission",
          targetId: row!.id,
          after: { regionCode: input.regionCode, year: input.year, reportedIndex: input.reportedIndex, supersedes: superseded.map((entry) => entry.id) },
          ip: input.ip,
        },
        tx,
      );
      return { ok: true, id: row!.id } as const;
    }),
  });
  return stored.ok ? stored : { ok: false, errors: { laporan: stored.error } };
}

/** What a level report form sent, as once() remembers it: the report by its content, not its copy. */
function submissionOf(input: LevelSubmissionInput, reportSha256: string) {
  return {
    userId: input.actorId,
    scope: `level_submission:${input.regionCode}:${input.year}`,
    token: input.formToken ?? null,
    sent: { levels: [...input.levels], reportedIndex: input.reportedIndex, note: input.note, report: { fileName: input.report.fileName, sha256: reportSha256 } },
  };
}

const submissionColumns = {
  id: levelSubmissions.id,
  regionCode: levelSubmissions.regionCode,
  regionName: regions.name,
  year: levelSubmissions.year,
  status: levelSubmissions.status,
  reportedIndex: levelSubmissions.reportedIndex,
  editorNote: levelSubmissions.editorNote,
  reportFileName: levelSubmissions.reportFileName,
  reportByteSize: levelSubmissions.reportByteSize,
  submittedAt: levelSubmissions.submittedAt,
  submittedBy: users.name,
  reviewedAt: levelSubmissions.reviewedAt,
  reviewNote: levelSubmissions.reviewNote,
};

/** A region's submissions, newest first, for its editors. */
export function listRegionSubmissions(regionCode: string) {
  return db()
    .select(submissionColumns)
    .from(levelSubmissions)
    .innerJoin(regions, eq(regions.code, levelSubmissions.regionCode))
    .innerJoin(users, eq(users.id, levelSubmissions.submittedById))
    .where(eq(levelSubmissions.regionCode, regionCode))
    .orderBy(desc(levelSubmissions.submittedAt))
    .limit(50);
}

/** Submissions waiting for a curator, oldest first. */
export function listSubmissionQueue() {
  return db()
    .select(submissionColumns)
    .from(levelSubmissions)
    .innerJoin(regions, eq(regions.code, levelSubmissions.regionCode))
    .innerJoin(users, eq(users.id, levelSubmissions.submittedById))
    .where(eq(levelSubmissions.status, "submitted"))
    .orderBy(asc(levelSubmissions.submittedAt))
    .limit(200);
}

/**
 * One submission as a curator checks it: every indicator's reported level beside the region's
 * currently verified level and its self-assessment of the same year, the index the levels
 * compute against the index the report states and the official (published) index.
 */
export async function getSubmissionReview(id: number) {
  const [found] = await db()
    .select({ submission: submissionColumns, levels: levelSubmissions.levels, frameworkId: levelSubmissions.frameworkId })
    .from(levelSubmissions)
    .innerJoin(regions, eq(regions.code, levelSubmissions.regionCode))
    .innerJoin(users, eq(users.id, levelSubmissions.submittedById))
    .where(eq(levelSubmissions.id, id));
  if (!found) return null;
  const { submission } = found;
  const [tree, data] = await Promise.all([getFrameworkTree(SPBE_2020), getBenchmarkData(SPBE_2020, null)]);
  const reported = new Map(Object.entries(found.levels).map(([nodeId, level]) => [Number(nodeId), level]));
  const [verified, self] = await Promise.all(
    (["verified", "self"] as const).map(async (kind) => {
      const assessment = await findAssessment({ regionCode: submission.regionCode, frameworkId: found.frameworkId, year: submission.year, kind });
      return assessment ? getAssessmentLevels(assessment.id) : null;
    }),
  );
  const computed = computeFrameworkIndex(tree.nodes, reported).index;
  const official = data ? figureOf(data, "official", submission.regionCode, submission.year) : null;
  return {
    submission,
    computed,
    official,
    officialMismatch: official?.value != null ? indexMismatch(computed, official.value) : false,
    reportMismatch: indexMismatch(computed, submission.reportedIndex),
    indicators: [...tree.indicatorsById.values()].map((indicator) => ({
      id: indicator.id,
      number: indicator.number,
      name: indicator.name,
      reported: reported.get(indicator.id) ?? null,
      verified: verified?.get(indicator.id)?.level ?? null,
      self: self?.get(indicator.id)?.level ?? null,
    })),
  };
}

export type ReviewResult = { ok: true } | { ok: false; reason: "notPending" } | { ok: false; reason: "invalid"; errors: FieldErrors };

/**
 * A curator's decision on a waiting submission. Verifying makes its levels the region's
 * verified levels for that year (citing the report); returning needs a reason. A submission
 * decided meanwhile (or superseded) is left alone.
 */
export async function reviewSubmission(input: { id: number; decision: "verify" | "return"; note: string; actorId: number; ip: string }): Promise<ReviewResult> {
  const note = plainText(input.note).slice(0, 1000);
  if (input.decision === "return" && note === "") return { ok: false, reason: "invalid", errors: { catatan: { code: "reasonRequired" } } };
  const tree = await getFrameworkTree(SPBE_2020);
  const result = await db().transaction(async (tx): Promise<ReviewResult> => {
    const [row] = await tx
      .update(levelSubmissions)
      .set({ status: input.decision === "verify" ? "verified" : "returned", reviewedById: input.actorId, reviewedAt: new Date(), reviewNote: note })
      .where(and(eq(levelSubmissions.id, input.id), eq(levelSubmissions.status, "submitted")))
      .returning();
    if (!row) return { ok: false, reason: "notPending" };
    if (input.decision === "verify") {
      const region = await tx.query.regions.findFirst({ where: eq(regions.code, row.regionCode), columns: { name: true } });
      const [source] = await tx
        .insert(sources)
        .values({
          key: `evaluation-report:${row.id}`,
          kind: "evaluation_report",
          citation: `Laporan Hasil Evaluasi SPBE ${row.year}, ${region?.name ?? row.regionCode}`,
          url: `/laporan-evaluasi/${row.id}`,
        })
        .onConflictDoNothing()
        .returning({ id: sources.id });
      const sourceId = source?.id ?? (await tx.query.sources.findFirst({ where: eq(sources.key, `evaluation-report:${row.id}`), columns: { id: true } }))!.id;
      await storeAssessment(
        {
          regionCode: row.regionCode,
          frameworkId: row.frameworkId,
          year: row.year,
          kind: "verified",
          reportedIndex: row.reportedIndex,
          sourceId,
          submissionId: row.id,
          levels: new Map(Object.entries(row.levels).map(([nodeId, level]) => [Number(nodeId), { level }])),
          updatedById: input.actorId,
        },
        tree.nodes,
        tx,
      );
    }
    await recordAudit(
      {
        actorId: input.actorId,
        action: input.decision === "verify" ? "assessment.levels_verified" : "assessment.levels_returned",
        targetType: "level_submission",
        targetId: row.id,
        before: { status: "submitted" },
        after: { status: row.status, regionCode: row.regionCode, year: row.year, note: row.reviewNote },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true };
  });
  if (result.ok && input.decision === "verify") await invalidateBenchmarkData();
  return result;
}

/** A submission's evaluation report, if this viewer may read it (see "evaluationReport.read"). */
export async function readEvaluationReport(id: number, viewer: Actor | null) {
  const row = await db().query.levelSubmissions.findFirst({ where: eq(levelSubmissions.id, id) });
  if (!row || !can(viewer, { action: "evaluationReport.read", regionCode: row.regionCode, verified: row.status === "verified" })) return null;
  const bytes = await attachmentStorage().get(row.reportStorageKey);
  return bytes ? { fileName: row.reportFileName, bytes } : null;
}

/** How many submissions wait for a curator (for the curation page's link). */
export async function countPendingSubmissions(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(levelSubmissions).where(eq(levelSubmissions.status, "submitted"));
  return row?.n ?? 0;
}
