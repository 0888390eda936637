import { and, asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { peerGroupMembers, peerGroups, regions } from "../../../db/schema";
import { db } from "../db.server";
import { fields } from "../forms/form-schemas.server";
import { once } from "../forms/submit-once.server";
import { REGION_CODE_PATTERN } from "../regions/index.server";

export const MAX_GROUP_MEMBERS = 50;
const MAX_GROUPS_PER_USER = 20;

export const peerGroupFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: fields.requiredText(80) }),
  z.object({ intent: z.literal("delete"), groupId: fields.recordNumber() }),
  z.object({ intent: z.literal("add"), groupId: fields.recordNumber(), regionCode: z.string().regex(REGION_CODE_PATTERN, "regionUnknown") }),
  z.object({ intent: z.literal("remove"), groupId: fields.recordNumber(), regionCode: z.string().regex(REGION_CODE_PATTERN, "regionUnknown") }),
]);

/** A member's own peer groups with their regions. */
export async function listPeerGroups(ownerId: number) {
  const rows = await db()
    .select({ id: peerGroups.id, name: peerGroups.name, regionCode: peerGroupMembers.regionCode, regionName: regions.name })
    .from(peerGroups)
    .leftJoin(peerGroupMembers, eq(peerGroupMembers.groupId, peerGroups.id))
    .leftJoin(regions, eq(regions.code, peerGroupMembers.regionCode))
    .where(eq(peerGroups.ownerId, ownerId))
    .orderBy(asc(peerGroups.name), asc(regions.shortName));
  const groups = new Map<number, { id: number; name: string; members: { code: string; name: string }[] }>();
  for (const row of rows) {
    const group = groups.get(row.id) ?? { id: row.id, name: row.name, members: [] };
    if (row.regionCode && row.regionName) group.members.push({ code: row.regionCode, name: row.regionName });
    groups.set(row.id, group);
  }
  return [...groups.values()];
}

export type PeerGroupChange = { ok: true } | { ok: false; field: string; code: "regionUnknown" | "tooManyItems" | "required" };

/** Changes one of the owner's groups; another user's group id behaves as if it did not exist. */
/** `formToken`: the form's one-time token; a group's creation sent again (a double click, a resend) makes one group. */
export async function changePeerGroup(ownerId: number, change: z.output<typeof peerGroupFormSchema>, formToken: string | null = null): Promise<PeerGroupChange> {
  if (change.intent === "create") {
    const submission = { userId: ownerId, scope: "peer_group", token: formToken, sent: change.name };
    return db().transaction((tx) =>
      once<PeerGroupChange>(tx, submission, async () => {
        const [existing] = await tx.select({ value: count() }).from(peerGroups).where(eq(peerGroups.ownerId, ownerId));
        if ((existing?.value ?? 0) >= MAX_GROUPS_PER_USER) return { ok: false, field: "name", code: "tooManyItems" };
        await tx.insert(peerGroups).values({ ownerId, name: change.name });
        return { ok: true };
      }),
    );
  }
  const group = await db().query.peerGroups.findFirst({ where: and(eq(peerGroups.id, change.groupId), eq(peerGroups.ownerId, ownerId)) });
  if (!group) return { ok: false, field: "groupId", code: "required" };
  if (change.intent === "delete") {
    await db().delete(peerGroups).where(eq(peerGroups.id, group.id));
    return { ok: true };
  }
  if (change.intent === "remove") {
    await db().delete(peerGroupMembers).where(and(eq(peerGroupMembers.groupId, group.id), eq(peerGroupMembers.regionCode, change.regionCode)));
    return { ok: true };
  }
  const region = await db().query.regions.findFirst({ where: eq(regions.code, change.regionCode), columns: { code: true } });
  if (!region) return { ok: false, field: "regionCode", code: "regionUnknown" };
  const [members] = await db().select({ value: count() }).from(peerGroupMembers).where(eq(peerGroupMembers.groupId, group.id));
  if ((members?.value ?? 0) >= MAX_GROUP_MEMBERS) return { ok: false, field: "regionCode", code: "tooManyItems" };
  await db().insert(peerGroupMembers).values({ groupId: group.id, regionCode: region.code }).onConflictDoNothing();
  return { ok: true };
}
