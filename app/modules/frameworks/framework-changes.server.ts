import { and, asc, count, desc, eq, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  assessmentLevels,
  assessments,
  frameworkChanges,
  frameworkLevels,
  frameworkNodes,
  frameworkPredikatBands,
  frameworks,
  frameworkVersions,
  type StoredFrameworkDefinition,
  users,
} from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db, type DatabaseOrTransaction } from "../db.server";
import { plainText } from "../forms/form-data";
import { once } from "../forms/submit-once.server";
import { diffFrameworkDefinitions, type EditableFramework, type EditableNode, type FrameworkDiffEntry, MAX_NOTE } from "./framework-edit";
import { computeFrameworkIndex } from "./framework-index";
import { invalidateFrameworkCaches } from "./frameworks.server";
import { predikatOf, roundIndex } from "./predikat";

export interface CuratedFramework extends EditableFramework {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  formula: string;
  sources: string[];
  firstYear: number | null;
  lastYear: number | null;
}

/** A framework's current version as the editor and the public page show it; null for an unknown slug. */
export async function getCuratedFramework(slug: string, executor: DatabaseOrTransaction = db()): Promise<CuratedFramework | null> {
  const framework = await executor.query.frameworks.findFirst({ where: eq(frameworks.slug, slug) });
  if (!framework) return null;
  const [nodes, levels, bands] = await Promise.all([
    executor
      .select({ id: frameworkNodes.id, parentId: frameworkNodes.parentId, kind: frameworkNodes.kind, number: frameworkNodes.number, name: frameworkNodes.name, weight: frameworkNodes.weight })
      .from(frameworkNodes)
      .where(eq(frameworkNodes.frameworkId, framework.id))
      .orderBy(asc(frameworkNodes.id)),
    executor.select({ level: frameworkLevels.level, name: frameworkLevels.name }).from(frameworkLevels).where(eq(frameworkLevels.frameworkId, framework.id)).orderBy(asc(frameworkLevels.level)),
    executor
      .select({ name: frameworkPredikatBands.name, minValue: frameworkPredikatBands.minValue })
      .from(frameworkPredikatBands)
      .where(eq(frameworkPredikatBands.frameworkId, framework.id))
      .orderBy(desc(frameworkPredikatBands.minValue)),
  ]);
  return {
    id: framework.id,
    slug: framework.slug,
    name: framework.name,
    shortName: framework.shortName,
    formula: framework.formula,
    sources: framework.sources,
    firstYear: framework.firstYear,
    lastYear: framework.lastYear,
    version: framework.version,
    scale: { min: framework.scaleMin, max: framework.scaleMax, decimals: framework.decimals },
    nodes,
    definition: {
      sourceStatus: framework.sourceStatus,
      statusNote: framework.statusNote,
      nodes: nodes.map(({ id, name, weight }) => ({ id, name, weight })),
      levels,
      bands,
    },
  };
}

/** Every framework with how many proposed changes wait for review (the curators' list). */
export async function listCuratedFrameworks() {
  const [rows, pending] = await Promise.all([
    db()
      .select({ id: frameworks.id, slug: frameworks.slug, shortName: frameworks.shortName, name: frameworks.name, sourceStatus: frameworks.sourceStatus, version: frameworks.version, firstYear: frameworks.firstYear, lastYear: frameworks.lastYear })
      .from(frameworks)
      .orderBy(desc(frameworks.firstYear), asc(frameworks.slug)),
    db().select({ frameworkId: frameworkChanges.frameworkId, n: count() }).from(frameworkChanges).where(eq(frameworkChanges.status, "pending")).groupBy(frameworkChanges.frameworkId),
  ]);
  const pendingOf = new Map(pending.map((row) => [row.frameworkId, row.n]));
  return rows.map((row) => ({ ...row, pending: pendingOf.get(row.id) ?? 0 }));
}

/** A framework's proposed changes, newest first (the editor lists them under the form). */
export function listFrameworkChanges(frameworkId: number) {
  return db()
    .select({ id: frameworkChanges.id, status: frameworkChanges.status, reason: frameworkChanges.reason, baseVersion: frameworkChanges.baseVersion, proposedAt: frameworkChanges.proposedAt, proposedBy: users.name })
    .from(frameworkChanges)
    .innerJoin(users, eq(users.id, frameworkChanges.proposedById))
    .where(eq(frameworkChanges.frameworkId, frameworkId))
    .orderBy(desc(frameworkChanges.id))
    .limit(50);
}

/** Stores a curator's proposal (already parsed and checked by parseFrameworkEdit) for another curator to review; audited. */
export async function proposeFrameworkChange(input: {
  frameworkId: number;
  baseVersion: number;
  proposed: StoredFrameworkDefinition;
  reason: string;
  actorId: number;
  ip: string;
  /** The form's one-time token: the same proposal sent again (a double click, a resend) is one proposal. */
  formToken?: string | null;
}): Promise<number> {
  const submission = {
    userId: input.actorId,
    scope: `framework_change:${input.frameworkId}`,
    token: input.formToken ?? null,
    sent: { baseVersion: input.baseVersion, proposed: input.proposed, reason: input.reason },
  };
  return db().transaction((tx) => once(tx, submission, async () => {
    const [change] = await tx
      .insert(frameworkChanges)
      .values({ frameworkId: input.frameworkId, baseVersion: input.baseVersion, proposed: input.proposed, reason: input.reason, proposedById: input.actorId })
      .returning({ id: frameworkChanges.id });
    await recordAudit(
      { actorId: input.actorId, action: "framework.change_proposed", targetType: "framework_change", targetId: change!.id, after: { frameworkId: input.frameworkId, baseVersion: input.baseVersion, reason: input.reason }, ip: input.ip },
      tx,
    );
    return change!.id;
  }));
}

/** How a change moves the indices the site computes from levels (verified, self, sample): never the published ones. */
export interface ChangeEffect {
  /** Assessments of the framework with every level, whose index would be recomputed. */
  assessments: number;
  /** Of those, how many change at the framework's published precision. */
  changed: number;
  largestChange: number;
  predikatChanged: number;
}

async function levelsByAssessment(frameworkId: number, executor: DatabaseOrTransaction) {
  const rows = await executor
    .select({ id: assessments.id, nodeId: assessmentLevels.nodeId, level: assessmentLevels.level })
    .from(assessments)
    .leftJoin(assessmentLevels, eq(assessmentLevels.assessmentId, assessments.id))
    .where(eq(assessments.frameworkId, frameworkId));
  const levels = new Map<number, Map<number, number>>();
  for (const row of rows) {
    let map = levels.get(row.id);
    if (!map) levels.set(row.id, (map = new Map()));
    if (row.nodeId !== null && row.level !== null) map.set(row.nodeId, row.level);
  }
  return levels;
}

/** The nodes of `framework` with the names and weights a definition gives them. */
function nodesOf(framework: Pick<EditableFramework, "nodes">, definition: StoredFrameworkDefinition): EditableNode[] {
  const byId = new Map(definition.nodes.map((node) => [node.id, node]));
  return framework.nodes.map((node) => ({ ...node, name: byId.get(node.id)?.name ?? node.name, weight: byId.get(node.id)?.weight ?? node.weight }));
}

export async function changeEffect(framework: CuratedFramework, proposed: StoredFrameworkDefinition): Promise<ChangeEffect> {
  const before = framework.nodes;
  const after = nodesOf(framework, proposed);
  const effect: ChangeEffect = { assessments: 0, changed: 0, largestChange: 0, predikatChanged: 0 };
  const { decimals } = framework.scale;
  for (const levels of (await levelsByAssessment(framework.id, db())).values()) {
    const old = computeFrameworkIndex(before, levels).index;
    const next = computeFrameworkIndex(after, levels).index;
    if (old === null || next === null) continue;
    effect.assessments++;
    const difference = Math.abs(roundIndex(next, decimals) - roundIndex(old, decimals));
    if (difference > 0) effect.changed++;
    effect.largestChange = Math.max(effect.largestChange, roundIndex(difference, decimals));
    if (predikatOf({ bands: framework.definition.bands, decimals }, old) !== predikatOf({ bands: proposed.bands, decimals }, next)) effect.predikatChanged++;
  }
  return effect;
}

/** A proposed change with what it changes against the version it was proposed on, for the review page. */
export async function getFrameworkChangeReview(slug: string, id: number) {
  const framework = await getCuratedFramework(slug);
  if (!framework) return null;
  const proposer = alias(users, "proposer");
  const reviewer = alias(users, "reviewer");
  const [change] = await db()
    .select({
      id: frameworkChanges.id,
      status: frameworkChanges.status,
      baseVersion: frameworkChanges.baseVersion,
      proposed: frameworkChanges.proposed,
      reason: frameworkChanges.reason,
      proposedById: frameworkChanges.proposedById,
      proposedBy: proposer.name,
      proposedAt: frameworkChanges.proposedAt,
      reviewedBy: reviewer.name,
      reviewedAt: frameworkChanges.reviewedAt,
      reviewNote: frameworkChanges.reviewNote,
    })
    .from(frameworkChanges)
    .innerJoin(proposer, eq(proposer.id, frameworkChanges.proposedById))
    .leftJoin(reviewer, eq(reviewer.id, frameworkChanges.reviewedById))
    .where(and(eq(frameworkChanges.id, id), eq(frameworkChanges.frameworkId, framework.id)));
  if (!change) return null;
  const base = await db().query.frameworkVersions.findFirst({
    where: and(eq(frameworkVersions.frameworkId, framework.id), eq(frameworkVersions.version, change.baseVersion)),
    columns: { definition: true },
  });
  const pending = change.status === "pending";
  return {
    framework: { slug: framework.slug, shortName: framework.shortName, version: framework.version, decimals: framework.scale.decimals },
    change,
    diff: diffFrameworkDefinitions(base?.definition ?? framework.definition, change.proposed, framework.nodes),
    /** A pending change made against an older version can no longer be applied. */
    stale: pending && change.baseVersion !== framework.version,
    effect: pending ? await changeEffect(framework, change.proposed) : null,
  };
}

export type DecisionResult = { ok: true; version: number | null } | { ok: false; reason: "ownChange" | "notPending" | "stale" | "noteRequired" };

/**
 * Another curator approves or rejects a pending change (four eyes: never the proposer). Approving
 * applies it in one transaction: names, weights, levels, bands and status; the framework's version
 * goes up and its snapshot is stored; the indices the site computes from levels (verified, self,
 * sample) are recomputed with the new weights and record the new version, while published results
 * are left as they were published. A change proposed on an older version is superseded instead
 * (applying it would undo the change in between), and so are the other pending changes once one is
 * applied. The status update is conditional, so a double submit decides once. Both steps audited.
 */
export async function decideFrameworkChange(input: { id: number; decision: "approve" | "reject"; note: string; actorId: number; ip: string }): Promise<DecisionResult> {
  const note = plainText(input.note).slice(0, MAX_NOTE);
  if (input.decision === "reject" && note === "") return { ok: false, reason: "noteRequired" };
  const result = await db().transaction(async (tx): Promise<DecisionResult> => {
    const change = await tx.query.frameworkChanges.findFirst({ where: eq(frameworkChanges.id, input.id) });
    if (!change || change.status !== "pending") return { ok: false, reason: "notPending" };
    if (change.proposedById === input.actorId) return { ok: false, reason: "ownChange" };
    // Locks the framework row: two approvals of one framework's changes run one after the other.
    const [framework] = await tx.select({ id: frameworks.id, slug: frameworks.slug, version: frameworks.version }).from(frameworks).where(eq(frameworks.id, change.frameworkId)).for("update");
    const decided = { reviewedById: input.actorId, reviewedAt: new Date(), reviewNote: note === "" ? null : note };
    const audit = (action: string, after: Record<string, unknown>) =>
      recordAudit({ actorId: input.actorId, action, targetType: "framework_change", targetId: change.id, before: { status: "pending", version: change.baseVersion }, after, ip: input.ip }, tx);

    if (input.decision === "reject" || framework!.version !== change.baseVersion) {
      const status = input.decision === "reject" ? "rejected" : "superseded";
      const [row] = await tx
        .update(frameworkChanges)
        .set({ status, ...decided })
        .where(and(eq(frameworkChanges.id, change.id), eq(frameworkChanges.status, "pending")))
        .returning({ id: frameworkChanges.id });
      if (!row) return { ok: false, reason: "notPending" };
      await audit(status === "rejected" ? "framework.change_rejected" : "framework.change_superseded", { status, framework: framework!.slug, currentVersion: framework!.version, note: decided.reviewNote });
      return status === "rejected" ? { ok: true, version: null } : { ok: false, reason: "stale" };
    }

    const [row] = await tx
      .update(frameworkChanges)
      .set({ status: "approved", ...decided })
      .where(and(eq(frameworkChanges.id, change.id), eq(frameworkChanges.status, "pending")))
      .returning({ id: frameworkChanges.id });
    if (!row) return { ok: false, reason: "notPending" };
    const current = (await getCuratedFramework(framework!.slug, tx))!;
    const version = await applyDefinition(tx, current, change.proposed, change.id);
    await tx
      .update(frameworkChanges)
      .set({ status: "superseded" })
      .where(and(eq(frameworkChanges.frameworkId, current.id), eq(frameworkChanges.status, "pending"), lt(frameworkChanges.baseVersion, version)));
    await audit("framework.change_approved", {
      status: "approved",
      framework: current.slug,
      version,
      reason: change.reason,
      note: decided.reviewNote,
      changes: diffFrameworkDefinitions(current.definition, change.proposed, current.nodes),
    });
    return { ok: true, version };
  });
  if (result.ok && result.version !== null) await invalidateFrameworkCaches();
  return result;
}

/** Writes a definition as the framework's next version and recomputes the indices computed from levels; returns the new version. */
async function applyDefinition(tx: DatabaseOrTransaction, framework: CuratedFramework, definition: StoredFrameworkDefinition, changeId: number): Promise<number> {
  const version = framework.version + 1;
  for (const node of definition.nodes) {
    await tx
      .update(frameworkNodes)
      .set({ name: node.name, weight: node.weight })
      .where(and(eq(frameworkNodes.id, node.id), eq(frameworkNodes.frameworkId, framework.id)));
  }
  await tx.delete(frameworkLevels).where(eq(frameworkLevels.frameworkId, framework.id));
  await tx.insert(frameworkLevels).values(definition.levels.map((level) => ({ frameworkId: framework.id, ...level })));
  await tx.delete(frameworkPredikatBands).where(eq(frameworkPredikatBands.frameworkId, framework.id));
  await tx.insert(frameworkPredikatBands).values(definition.bands.map((band) => ({ frameworkId: framework.id, ...band })));
  await tx.update(frameworks).set({ version, sourceStatus: definition.sourceStatus, statusNote: definition.statusNote }).where(eq(frameworks.id, framework.id));
  await tx.insert(frameworkVersions).values({ frameworkId: framework.id, version, definition, changeId });

  // As storeAssessment stores them: the index only with every level, sub-indices with it.
  const nodes = nodesOf(framework, definition);
  for (const [id, levels] of await levelsByAssessment(framework.id, tx)) {
    const computed = computeFrameworkIndex(nodes, levels);
    await tx
      .update(assessments)
      .set({
        computedIndex: computed.index,
        subIndices: computed.index !== null ? Object.fromEntries(Object.entries(computed.subIndices)) : null,
        frameworkVersion: version,
      })
      .where(eq(assessments.id, id));
  }
  return version;
}

/** One version of a framework as its public page lists it: when, why, and what changed from the one before. */
export interface FrameworkVersionEntry {
  version: number;
  createdAt: Date;
  reason: string | null;
  changes: FrameworkDiffEntry[];
}

/** Every version of a framework, newest first, each with what changed from the one before. */
export async function getFrameworkHistory(framework: Pick<CuratedFramework, "id" | "nodes">): Promise<FrameworkVersionEntry[]> {
  const rows = await db()
    .select({ version: frameworkVersions.version, definition: frameworkVersions.definition, createdAt: frameworkVersions.createdAt, reason: frameworkChanges.reason })
    .from(frameworkVersions)
    .leftJoin(frameworkChanges, eq(frameworkChanges.id, frameworkVersions.changeId))
    .where(eq(frameworkVersions.frameworkId, framework.id))
    .orderBy(asc(frameworkVersions.version));
  return rows
    .map((row, index) => ({
      version: row.version,
      createdAt: row.createdAt,
      reason: row.reason,
      changes: index === 0 ? [] : diffFrameworkDefinitions(rows[index - 1]!.definition, row.definition, framework.nodes),
    }))
    .reverse();
}
