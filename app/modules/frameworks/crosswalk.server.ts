import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { frameworkCrosswalk, frameworkNodes, frameworks, users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db } from "../db.server";
import type { CrosswalkPair } from "./crosswalk";

const fromNode = alias(frameworkNodes, "from_node");
const toNode = alias(frameworkNodes, "to_node");
const fromFramework = alias(frameworks, "from_framework");
const toFramework = alias(frameworks, "to_framework");

/** Every pair of the crosswalk from one framework to another, in the target's order, with who reviewed it. */
export async function listCrosswalk(fromSlug: string, toSlug: string): Promise<(CrosswalkPair & { reviewedBy: string | null; reviewedAt: Date | null })[]> {
  const rows = await db()
    .select({
      id: frameworkCrosswalk.id,
      status: frameworkCrosswalk.status,
      note: frameworkCrosswalk.note,
      reviewedAt: frameworkCrosswalk.reviewedAt,
      reviewedBy: users.name,
      fromId: fromNode.id,
      fromNumber: fromNode.number,
      fromName: fromNode.name,
      toId: toNode.id,
      toNumber: toNode.number,
      toName: toNode.name,
    })
    .from(frameworkCrosswalk)
    .innerJoin(fromNode, eq(fromNode.id, frameworkCrosswalk.fromNodeId))
    .innerJoin(toNode, eq(toNode.id, frameworkCrosswalk.toNodeId))
    .innerJoin(fromFramework, eq(fromFramework.id, fromNode.frameworkId))
    .innerJoin(toFramework, eq(toFramework.id, toNode.frameworkId))
    .leftJoin(users, eq(users.id, frameworkCrosswalk.reviewedById))
    .where(and(eq(fromFramework.slug, fromSlug), eq(toFramework.slug, toSlug)))
    .orderBy(asc(toNode.number), asc(fromNode.number));
  return rows.map((row) => ({
    id: row.id,
    from: { id: row.fromId, number: row.fromNumber, name: row.fromName },
    to: { id: row.toId, number: row.toNumber, name: row.toName },
    status: row.status,
    note: row.note,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt,
  }));
}

/** A curator confirms or rejects a pair (or sets it back to proposed), audited; false for no such pair. */
export async function reviewCrosswalkPair(input: { id: number; status: CrosswalkPair["status"]; actorId: number; ip: string }): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [before] = await tx.select({ status: frameworkCrosswalk.status }).from(frameworkCrosswalk).where(eq(frameworkCrosswalk.id, input.id)).for("update");
    if (!before) return false;
    const proposed = input.status === "proposed";
    await tx
      .update(frameworkCrosswalk)
      .set({ status: input.status, reviewedById: proposed ? null : input.actorId, reviewedAt: proposed ? null : new Date() })
      .where(eq(frameworkCrosswalk.id, input.id));
    await recordAudit(
      { actorId: input.actorId, action: "framework.crosswalk_reviewed", targetType: "framework_crosswalk", targetId: input.id, before: { status: before.status }, after: { status: input.status }, ip: input.ip },
      tx,
    );
    return true;
  });
}
