/**
 * Following a region, an SPBE 2020 indicator or a practice tag. Forms name an indicator by its
 * number; the database keeps its framework node id, which is what practices and applications
 * are tagged with, so matching needs no translation.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { follows, practiceRevisions, practices, regions } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { FOLLOW_TARGET_TYPES, FOLLOW_TYPE_WORDS, type FollowTarget, type FollowTargetType } from "./targets";

/** A target as stored: an indicator's key is its node id. */
export interface StoredTarget {
  type: FollowTargetType;
  key: string;
}

export type FollowProblem = "unknownRegion" | "unknownIndicator" | "unknownTag" | "unknownType";

/** Practices keep at most 40 characters per tag, lower case (practice-content-schema.server.ts). */
const MAX_TAG_LENGTH = 40;

const typeOfWord = new Map(Object.entries(FOLLOW_TYPE_WORDS).map(([type, word]) => [word, type as FollowTargetType]));

/**
 * Checks what a form names. A tag must be on a published practice to be followed; to stop
 * following one, its shape is enough (its last practice may have dropped it since).
 */
export async function resolveFollowTarget(
  typeWord: unknown,
  rawKey: unknown,
  options: { tagMustExist: boolean },
): Promise<{ ok: true; target: StoredTarget } | { ok: false; problem: FollowProblem }> {
  const type = typeof typeWord === "string" ? typeOfWord.get(typeWord) : undefined;
  if (!type) return { ok: false, problem: "unknownType" };
  const key = typeof rawKey === "string" ? rawKey.trim() : "";
  if (type === "region") {
    const found = /^\d{2}\.\d{2}$/.test(key) && (await db().select({ code: regions.code }).from(regions).where(eq(regions.code, key))).length > 0;
    return found ? { ok: true, target: { type, key } } : { ok: false, problem: "unknownRegion" };
  }
  if (type === "indicator") {
    const number = /^\d{1,3}$/.test(key) ? Number(key) : null;
    const tree = await getFrameworkTree(SPBE_2020);
    const indicator = [...tree.indicatorsById.values()].find((candidate) => candidate.number === number);
    return indicator ? { ok: true, target: { type, key: String(indicator.id) } } : { ok: false, problem: "unknownIndicator" };
  }
  const tag = key.toLocaleLowerCase("id");
  if (tag === "" || tag.length > MAX_TAG_LENGTH) return { ok: false, problem: "unknownTag" };
  if (options.tagMustExist && !(await tagIsUsed(tag))) return { ok: false, problem: "unknownTag" };
  return { ok: true, target: { type, key: tag } };
}

async function tagIsUsed(tag: string): Promise<boolean> {
  const rows = await db()
    .select({ id: practices.id })
    .from(practices)
    .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId))
    .where(and(sql`${practices.state} <> 'archived'`, sql`${practiceRevisions.tags} @> array[${tag}]::text[]`))
    .limit(1);
  return rows.length > 0;
}

/** Following twice is one row: the unique key absorbs a double submit. */
export async function follow(userId: number, target: StoredTarget): Promise<void> {
  await db().insert(follows).values({ userId, targetType: target.type, targetKey: target.key }).onConflictDoNothing();
}

export async function unfollow(userId: number, target: StoredTarget): Promise<void> {
  await db().delete(follows).where(targetOf(userId, target));
}

function targetOf(userId: number, target: StoredTarget) {
  return and(eq(follows.userId, userId), eq(follows.targetType, target.type), eq(follows.targetKey, target.key));
}

/** Whether the user (null: a visitor) follows the target, for a page's button. */
export async function isFollowing(userId: number | null, target: StoredTarget, executor: DatabaseOrTransaction = db()): Promise<boolean> {
  if (userId === null) return false;
  const rows = await executor.select({ id: follows.id }).from(follows).where(targetOf(userId, target));
  return rows.length > 0;
}

/** What the user follows, as forms name it, with a label each: regions, then indicators by number, then tags. */
export async function listFollows(userId: number): Promise<(FollowTarget & { label: string })[]> {
  const [rows, tree] = await Promise.all([
    db()
      .select({ type: follows.targetType, key: follows.targetKey, regionName: regions.name })
      .from(follows)
      .leftJoin(regions, and(eq(follows.targetType, "region"), eq(regions.code, follows.targetKey)))
      .where(eq(follows.userId, userId))
      .orderBy(asc(follows.targetType), asc(follows.targetKey)),
    getFrameworkTree(SPBE_2020),
  ]);
  const listed = rows.map((row) => {
    // Grouped by type in FOLLOW_TARGET_TYPES order; indicators by number within theirs.
    const order = FOLLOW_TARGET_TYPES.indexOf(row.type) * 1000;
    if (row.type === "region") return { type: row.type, key: row.key, label: row.regionName ?? row.key, order };
    if (row.type === "tag") return { type: row.type, key: row.key, label: row.key, order };
    const indicator = tree.indicatorsById.get(Number(row.key));
    return indicator ? { type: row.type, key: String(indicator.number), label: `${indicator.number}. ${indicator.name}`, order: order + indicator.number } : null;
  });
  return listed
    .filter((entry) => entry !== null)
    .sort((a, b) => a.order - b.order)
    .map(({ type, key, label }) => ({ type, key, label }));
}
