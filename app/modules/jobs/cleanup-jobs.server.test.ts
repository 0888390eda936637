/** The scheduled clean-ups delete only what has served its time, and the worker schedules them. */
import { eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { formSubmissions, notificationEmails, notifications, oneTimeLinks, rateLimitCounters } from "../../../db/schema";
import { testActor } from "../../../tests/support/practice-factory";
import { deleteExpiredLinksJob } from "../auth/index.server";
import { db } from "../db.server";
import { FORM_SUBMISSION_RETENTION_DAYS } from "../forms/submit-once.server";
import { deleteExpiredCountersJob } from "../limits/index.server";
import { deleteOldNotificationsJob } from "../notifications/index.server";
import { deleteOldFormSubmissionsJob, startJobWorker } from "./index.server";

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);

it("deletes sign-in throttle rows whose window ended over an hour ago", async () => {
  await db()
    .insert(rateLimitCounters)
    .values([
      { key: "cleanup-test:old", points: 3, expire: hoursAgo(2) },
      { key: "cleanup-test:recent", points: 3, expire: hoursAgo(0.5) },
    ]);
  await deleteExpiredCountersJob.run({}, { id: "test" });
  const left = await db().select({ key: rateLimitCounters.key }).from(rateLimitCounters).where(sql`${rateLimitCounters.key} like 'cleanup-test:%'`);
  expect(left.map((row) => row.key)).toEqual(["cleanup-test:recent"]);
});

it("deletes one-time links 30 days after they expired, used or not", async () => {
  const user = await testActor("member", "32.11");
  const link = (name: string, expiredDaysAgo: number, used: boolean) => ({
    tokenHash: Buffer.from(`${name}-${user.id}`),
    purpose: "sign_in" as const,
    userId: user.id,
    expiresAt: hoursAgo(expiredDaysAgo * 24),
    usedAt: used ? hoursAgo(expiredDaysAgo * 24 + 1) : null,
  });
  await db().insert(oneTimeLinks).values([link("old", 31, false), link("old-used", 40, true), link("recent", 2, false)]);
  await deleteExpiredLinksJob.run({}, { id: "test" });
  const left = await db().select({ hash: oneTimeLinks.tokenHash }).from(oneTimeLinks).where(sql`${oneTimeLinks.userId} = ${user.id}`);
  expect(left.map((row) => Buffer.from(row.hash).toString())).toEqual([`recent-${user.id}`]);
});

it(`forgets form submissions ${FORM_SUBMISSION_RETENTION_DAYS} days after they were made, and no sooner`, async () => {
  const user = await testActor("member", "32.11");
  const key = (name: string) => `cleanup-test:${name}:${user.id}`;
  await db()
    .insert(formSubmissions)
    .values([
      { key: key("old"), userId: user.id, result: { ok: true }, createdAt: hoursAgo((FORM_SUBMISSION_RETENTION_DAYS + 1) * 24) },
      { key: key("almost"), userId: user.id, result: { ok: true }, createdAt: hoursAgo((FORM_SUBMISSION_RETENTION_DAYS - 1) * 24) },
      { key: key("now"), userId: user.id, result: null },
    ]);
  await deleteOldFormSubmissionsJob.run({}, { id: "test" });
  const left = await db().select({ key: formSubmissions.key }).from(formSubmissions).where(eq(formSubmissions.userId, user.id));
  expect(left.map((row) => row.key).sort()).toEqual([key("almost"), key("now")].sort());
});

it("deletes read notifications after 180 days, never unread ones nor any an unsent email or digest still needs", async () => {
  const [user, other] = await Promise.all([testActor("editor", "32.11"), testActor("editor", "32.11")]);
  const day = 24;
  const notification = (userId: number, name: string, ageDays: number, read: boolean) => ({
    userId,
    kind: "questionAsked",
    subjectType: "practice",
    subjectId: name,
    link: "/praktik/1",
    createdAt: hoursAgo(ageDays * day),
    readAt: read ? hoursAgo(ageDays * day - 1) : null,
  });
  const rows = await db()
    .insert(notifications)
    .values([
      notification(user.id, "read-old", 181, true),
      notification(user.id, "read-older", 400, true),
      notification(user.id, "unread-old", 400, false),
      notification(user.id, "read-recent", 179, true),
      notification(user.id, "read-old-email-unsent", 200, true),
      notification(user.id, "read-old-email-sent", 200, true),
      notification(user.id, "read-old-in-unsent-digest", 190, true),
      notification(user.id, "read-old-in-sent-digest", 300, true),
      notification(other.id, "other-read-old-in-unsent-digest", 190, true),
    ])
    .returning({ id: notifications.id, subjectId: notifications.subjectId });
  const idOf = (name: string) => rows.find((row) => row.subjectId === name)!.id;
  await db()
    .insert(notificationEmails)
    .values([
      { userId: user.id, notificationId: idOf("read-old-email-unsent") },
      { userId: user.id, notificationId: idOf("read-old-email-sent"), sentAt: hoursAgo(200 * day) },
      // A digest stuck since (its send still retried) and one sent: only the unsent one keeps its period, and only for its user.
      { userId: user.id, digest: "weekly", periodStart: hoursAgo(192 * day), periodEnd: hoursAgo(185 * day) },
      { userId: user.id, digest: "weekly", periodStart: hoursAgo(302 * day), periodEnd: hoursAgo(295 * day), sentAt: hoursAgo(295 * day) },
    ]);
  await deleteOldNotificationsJob.run({}, { id: "test" });
  const left = await db().select({ subjectId: notifications.subjectId }).from(notifications).where(inArray(notifications.userId, [user.id, other.id]));
  expect(left.map((row) => row.subjectId).sort()).toEqual(["read-recent", "unread-old", "read-old-email-unsent", "read-old-in-unsent-digest"].sort());
});

it("schedules the clean-ups when the worker starts", async () => {
  const cleanups = [deleteExpiredCountersJob, deleteExpiredLinksJob, deleteOldFormSubmissionsJob, deleteOldNotificationsJob];
  const worker = await startJobWorker(cleanups);
  try {
    const schedules = await db().execute<{ name: string; cron: string }>(sql`select name, cron from pgboss.schedule order by name`);
    expect(schedules.map((row) => [row.name, row.cron])).toEqual(
      cleanups.map((job) => [job.name, job.schedule]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
  } finally {
    await worker.stop();
  }
});
