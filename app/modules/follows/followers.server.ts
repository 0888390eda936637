/** Who hears of a new practice in what they follow (decision 0026: in the publish's transaction). */
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import { follows, practiceRevisions, practices, regions } from "../../../db/schema";
import type { DatabaseOrTransaction } from "../db.server";
import { notify, regionEditors } from "../notifications/index.server";

/**
 * Called when a practice is published for the first time: one notification per user who follows
 * its region, one of its indicators or one of its tags, however many of these they follow. Not
 * the actor, and not the region's editors, who hear of it as their own practice's publication.
 */
export async function notifyFollowersOfNewPractice(tx: DatabaseOrTransaction, input: { practiceId: number; actorId: number }): Promise<number[]> {
  const [practice] = await tx
    .select({ regionCode: practices.regionCode, region: regions.name, title: practiceRevisions.title, indicatorIds: practiceRevisions.indicatorIds, tags: practiceRevisions.tags })
    .from(practices)
    .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.publishedRevisionId))
    .innerJoin(regions, eq(regions.code, practices.regionCode))
    .where(eq(practices.id, input.practiceId));
  if (!practice) return [];
  const matches: SQL[] = [and(eq(follows.targetType, "region"), eq(follows.targetKey, practice.regionCode))!];
  if (practice.indicatorIds.length > 0) matches.push(and(eq(follows.targetType, "indicator"), inArray(follows.targetKey, practice.indicatorIds.map(String)))!);
  if (practice.tags.length > 0) matches.push(and(eq(follows.targetType, "tag"), inArray(follows.targetKey, practice.tags))!);
  const followers = await tx.selectDistinct({ userId: follows.userId }).from(follows).where(or(...matches));
  const editors = new Set(await regionEditors(tx, practice.regionCode));
  return notify(tx, {
    kind: "followedPractice",
    actorId: input.actorId,
    recipients: followers.map((row) => row.userId).filter((id) => !editors.has(id)),
    subject: { type: "practice", id: input.practiceId, link: `/praktik/${input.practiceId}` },
    payload: { title: practice.title, region: practice.region },
  });
}
