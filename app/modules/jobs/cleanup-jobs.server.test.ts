/** The scheduled clean-ups delete only what has served its time, and the worker schedules them. */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { oneTimeLinks, rateLimitCounters } from "../../../db/schema";
import { testActor } from "../../../tests/support/practice-factory";
import { deleteExpiredLinksJob } from "../auth/index.server";
import { db } from "../db.server";
import { deleteExpiredCountersJob } from "../limits/index.server";
import { startJobWorker } from "./index.server";

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

it("schedules the clean-ups when the worker starts", async () => {
  const worker = await startJobWorker([deleteExpiredCountersJob, deleteExpiredLinksJob]);
  try {
    const schedules = await db().execute<{ name: string; cron: string }>(sql`select name, cron from pgboss.schedule order by name`);
    expect(schedules.map((row) => [row.name, row.cron])).toEqual([
      [deleteExpiredLinksJob.name, deleteExpiredLinksJob.schedule],
      [deleteExpiredCountersJob.name, deleteExpiredCountersJob.schedule],
    ]);
  } finally {
    await worker.stop();
  }
});
