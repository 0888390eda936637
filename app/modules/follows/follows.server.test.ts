/**
 * Following: a practice's first publication notifies each follower once (however many of the
 * practice's region, indicators and tags they follow), never the actor or the region's editors,
 * in the publish's transaction and on each follower's channel; unfollowing stops it; the feed
 * lists what changed in what one follows, newest first, a page at a time; bad targets change nothing.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applications, follows, frameworks, notificationEmails, notifications, practiceAdoptions, publishedResults, sources, visitEvents, visits } from "../../../db/schema";
import { indicatorId, practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { decideOnPractice, savePracticeRevision } from "../practices/index.server";
import { feedCursorParam, feedPage, parseFeedCursor } from "./feed.server";
import { follow, listFollows, resolveFollowTarget, type StoredTarget, unfollow } from "./follows.server";
import { FEED_PAGE_SIZE } from "./targets";

// Regions no other test writes practices for, so the feed holds only what this file makes.
const REGION = "91.10";
const OTHER_REGION = "91.11";
const FEED_REGION = "91.06";
const ip = "127.0.0.1";
let editor: Actor;
let otherEditor: Actor;
let curator: Actor;

beforeAll(async () => {
  [editor, otherEditor, curator] = await Promise.all([testActor("editor", REGION), testActor("editor", OTHER_REGION), testActor("curator")]);
});

async function resolved(type: string, key: string): Promise<StoredTarget> {
  const result = await resolveFollowTarget(type, key, { tagMustExist: true });
  if (!result.ok) throw new Error(`${type} ${key}: ${result.problem}`);
  return result.target;
}

/** Notifications of "new practice in what you follow" about a practice: recipient → how many. */
async function followedNotifications(practiceId: number) {
  const rows = await db()
    .select({ userId: notifications.userId, id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.kind, "followedPractice"), eq(notifications.subjectId, String(practiceId))));
  const emails = rows.length === 0 ? [] : await db().select({ userId: notificationEmails.userId }).from(notificationEmails).where(inArray(notificationEmails.notificationId, rows.map((row) => row.id)));
  const tally = (list: { userId: number }[]) => list.reduce<Record<number, number>>((all, row) => ({ ...all, [row.userId]: (all[row.userId] ?? 0) + 1 }), {});
  return { inbox: tally(rows), emails: tally(emails) };
}

describe("new practice in what you follow", () => {
  it("notifies a follower of the region and of the tag once, not the actor, not the region's editors, on each one's channel", async () => {
    const [both, tagOnly, inboxOnly, bystander] = await Promise.all([testActor("member", "33.16"), testActor("member", "33.17"), testActor("member", "33.18"), testActor("member", "33.19")]);
    const tag = "umpan-uji-satu";
    // The tag must be on a published practice before anyone can follow it.
    await publishPractice(practiceContent({ title: "Praktik pembuka tag", tags: [tag] }), { editor: otherEditor, curator });
    for (const user of [both, inboxOnly, curator, editor]) await follow(user.id, await resolved("daerah", REGION));
    for (const user of [both, tagOnly]) await follow(user.id, await resolved("tag", tag));
    await db().execute(sql`insert into notification_preferences (user_id, kind, channel) values (${inboxOnly.id}, 'followedPractice', 'in_app')`);

    const practiceId = await publishPractice(practiceContent({ title: "Sapa Warga Sarmi", tags: [tag, "lain"] }), { editor, curator });

    const delivered = await followedNotifications(practiceId);
    expect(delivered.inbox).toEqual({ [both.id]: 1, [tagOnly.id]: 1, [inboxOnly.id]: 1 });
    expect(delivered.emails).toEqual({ [both.id]: 1, [tagOnly.id]: 1 });
    expect(delivered.inbox[bystander.id]).toBeUndefined();
  });

  it("is not sent again when a revision is published, and no more after unfollowing", async () => {
    const follower = await testActor("member", "33.20");
    const region = await resolved("daerah", REGION);
    await follow(follower.id, region);
    const first = await publishPractice(practiceContent({ title: "Praktik pertama" }), { editor, curator });
    const revised = await savePracticeRevision({ practiceId: first, baseVersion: 1, content: practiceContent({ title: "Praktik pertama, revisi" }), submit: true, actorId: editor.id, ip });
    expect(revised.ok).toBe(true);
    expect((await decideOnPractice({ practiceId: first, decision: "publish", comment: "", seenVersion: 2, actor: curator, ip })).ok).toBe(true);
    // Once, for the first publication only (the region has other followers from above).
    expect((await followedNotifications(first)).inbox[follower.id]).toBe(1);

    await unfollow(follower.id, region);
    const second = await publishPractice(practiceContent({ title: "Praktik kedua" }), { editor, curator });
    expect((await followedNotifications(second)).inbox[follower.id]).toBeUndefined();
  });

  it("reaches followers of one of the practice's SPBE 2020 indicators", async () => {
    const follower = await testActor("member", "33.21");
    await follow(follower.id, await resolved("indikator", "5"));
    const practiceId = await publishPractice(practiceContent({ title: "Praktik berindikator", indicatorIds: [await indicatorId(5)] }), { editor: otherEditor, curator });
    expect((await followedNotifications(practiceId)).inbox).toEqual({ [follower.id]: 1 });
  });
});

describe("bad targets", () => {
  it("refuses unknown regions, indicators, types and tags, markup and 10,000 characters", async () => {
    const refused = async (type: string, key: unknown) => resolveFollowTarget(type, key, { tagMustExist: true });
    expect(await refused("daerah", "99.99")).toEqual({ ok: false, problem: "unknownRegion" });
    expect(await refused("daerah", "33")).toEqual({ ok: false, problem: "unknownRegion" });
    expect(await refused("indikator", "48")).toEqual({ ok: false, problem: "unknownIndicator" });
    expect(await refused("indikator", "1e1")).toEqual({ ok: false, problem: "unknownIndicator" });
    expect(await refused("pengguna", "1")).toEqual({ ok: false, problem: "unknownType" });
    expect(await refused("tag", "tidak-ada-praktiknya")).toEqual({ ok: false, problem: "unknownTag" });
    expect(await refused("tag", "<script>alert(1)</script>")).toEqual({ ok: false, problem: "unknownTag" });
    expect(await refused("tag", "a".repeat(10_000))).toEqual({ ok: false, problem: "unknownTag" });
    expect(await refused("tag", null)).toEqual({ ok: false, problem: "unknownTag" });
  });

  it("following twice is one row", async () => {
    const user = await testActor("member", "33.22");
    const region = await resolved("daerah", OTHER_REGION);
    await Promise.all([follow(user.id, region), follow(user.id, region)]);
    await follow(user.id, region);
    const [row] = await db().select({ rows: count() }).from(follows).where(eq(follows.userId, user.id));
    expect(row!.rows).toBe(1);
    expect(await listFollows(user.id)).toEqual([{ type: "region", key: OTHER_REGION, label: "Kabupaten Keerom" }]);
  });
});

describe("the feed", () => {
  it("lists new practices, revisions, adoptions, imported results, completed visits and shared applications of what one follows, newest first, in pages", async () => {
    const [reader, feedEditor] = await Promise.all([testActor("member", "33.23"), testActor("editor", FEED_REGION)]);
    await follow(reader.id, await resolved("daerah", FEED_REGION));
    await follow(reader.id, await resolved("indikator", "7"));

    // 21 practices of the followed region (one more than a page), then the other kinds of items.
    const published: number[] = [];
    for (let index = 1; index <= FEED_PAGE_SIZE + 1; index++) published.push(await publishPractice(practiceContent({ title: `Umpan ${index}` }), { editor: feedEditor, curator }));
    const adopter = await publishPractice(practiceContent({ title: "Adopsi dari Keerom" }), { editor, curator });
    await db().insert(practiceAdoptions).values({ adopterPracticeId: adopter, sourcePracticeId: published[0]!, sourceRegionCode: FEED_REGION, recordedById: editor.id });
    const [framework] = await db().select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.slug, "spbe-2020"));
    const [source] = await db().insert(sources).values({ key: "uji-umpan", kind: "official_decree", citation: "Keputusan Uji Umpan" }).returning({ id: sources.id });
    await db().insert(publishedResults).values({ frameworkId: framework!.id, regionCode: FEED_REGION, year: 2024, value: 3.12, decimals: 2, sourceId: source!.id, origin: "import", createdById: curator.id });
    const [visit] = await db()
      .insert(visits)
      .values({ hostRegionCode: FEED_REGION, visitorRegionCode: REGION, requestedById: editor.id, purpose: "Belajar", participants: 5, startDate: "2026-01-05", endDate: "2026-01-06", status: "completed", contact: "-", contactPurposeVersion: 1 })
      .returning({ id: visits.id });
    await db().insert(visitEvents).values({ visitId: visit!.id, kind: "completed", actorId: editor.id });
    // An application of an unfollowed region that serves a followed indicator.
    const [application] = await db()
      .insert(applications)
      .values({ regionCode: "33.16", name: "Aplikasi Umpan", function: "administrasi_perkantoran", description: "Uji", indicatorIds: [await indicatorId(7)], terms: "hibah" })
      .returning({ id: applications.id });
    // A practice of an unfollowed region without the followed indicator does not appear.
    await publishPractice(practiceContent({ title: "Bukan untuk umpan" }), { editor, curator });

    const first = await feedPage(reader.id, null);
    expect(first.items).toHaveLength(FEED_PAGE_SIZE);
    expect(first.olderFrom).not.toBeNull();
    expect(first.items.slice(0, 4).map((item) => [item.kind, item.link])).toEqual([
      ["application", `/aplikasi/${application!.id}`],
      ["visit", `/kunjungan/${visit!.id}`],
      ["result", `/daerah/${FEED_REGION}/benchmark?kerangka=spbe-2020`],
      ["adoption", `/praktik/${adopter}`],
    ]);
    expect(first.items[2]).toMatchObject({ framework: expect.any(String), year: 2024, value: 3.12, source: "Keputusan Uji Umpan" });
    expect(first.items[4]).toMatchObject({ kind: "practice", title: `Umpan ${FEED_PAGE_SIZE + 1}`, link: `/praktik/${published.at(-1)}` });
    // Something new while the reader is on the first page: the next page still goes on right after what was read.
    const arrived = await publishPractice(practiceContent({ title: "Umpan baru" }), { editor: feedEditor, curator });
    const second = await feedPage(reader.id, parseFeedCursor(feedCursorParam(first.olderFrom!)));
    expect(second.olderFrom).toBeNull();
    expect(second.items).toHaveLength(5);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((item) => `${item.kind}:${item.id}`)).size).toBe(all.length);
    expect(all.some((item) => item.link === `/praktik/${arrived}`)).toBe(false);
    expect((await feedPage(reader.id, null)).items[0]).toMatchObject({ kind: "practice", link: `/praktik/${arrived}` });
    expect(all.filter((item) => item.kind === "practice")).toHaveLength(FEED_PAGE_SIZE + 1);
    expect(all.some((item) => "title" in item && item.title === "Bukan untuk umpan")).toBe(false);
    const times = all.map((item) => item.at);
    expect(times).toEqual([...times].sort().reverse());

    // A new revision of a followed practice, published, comes first as a revision.
    expect((await savePracticeRevision({ practiceId: published[0]!, baseVersion: 1, content: practiceContent({ title: "Umpan 1, revisi" }), submit: true, actorId: feedEditor.id, ip })).ok).toBe(true);
    expect((await decideOnPractice({ practiceId: published[0]!, decision: "publish", comment: "", seenVersion: 2, actor: curator, ip })).ok).toBe(true);
    expect((await feedPage(reader.id, null)).items[0]).toMatchObject({ kind: "revision", title: "Umpan 1, revisi" });
  });

  it("reads only a well-formed page key from the URL, anything else as the newest page", () => {
    const key = { at: "2026-12-01T03:04:05.123456Z", kind: "practice", id: 12 };
    expect(parseFeedCursor(feedCursorParam(key))).toEqual(key);
    for (const bad of [null, "", "12", "2026-12-01T03:04:05.123Z~practice~12", "2026-12-01T03:04:05.123456Z~hapus~12", "2026-13-45T03:04:05.123456Z~practice~12", "2026-02-30T03:04:05.123456Z~practice~12", "2026-12-01T03:04:05.123456Z~practice~1;drop"]) {
      expect(parseFeedCursor(bad), String(bad)).toBeNull();
    }
  });
});
