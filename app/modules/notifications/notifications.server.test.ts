/**
 * Notifications against the real PostgreSQL, and their emails through a real SMTP server in
 * this process, sent by a real job worker.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { notificationEmails, notificationPreferences, notifications, users } from "../../../db/schema";
import { testActor } from "../../../tests/support/practice-factory";
import { readableMail, startSmtpReceiver } from "../../../tests/support/smtp-receiver";
import { db } from "../db.server";
import { type JobWorker, startJobWorker } from "../jobs/index.server";
import { digestPeriodBefore, enqueueDigests, sendNotificationEmailJob } from "./email-jobs.server";
import { inboxPage, markAllRead, openNotification, unreadCount } from "./inbox.server";
import { INBOX_PAGE_SIZE } from "./kinds";
import { notify } from "./notify.server";
import { getChannels, setChannel } from "./preferences.server";
import { readUnsubscribeToken, unsubscribe, unsubscribeToken } from "./unsubscribe.server";

let refusals = 0;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let worker: JobWorker | undefined;

beforeAll(async () => {
  smtp = await startSmtpReceiver({ refuse: () => refusals-- > 0 });
  // Read once by serverEnv(), so set before anything in this file touches the database.
  process.env.SMTP_URL = smtp.url;
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
});

/** The send job with a 1 s first retry, so a refused send comes back within the test. */
async function startEmailWorker() {
  worker = await startJobWorker([{ ...sendNotificationEmailJob, retryDelaySeconds: 1 }], { pollingIntervalSeconds: 0.5 });
}

async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function emailOf(userId: number) {
  const [row] = await db().select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row!.email;
}

const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address)).map((mail) => readableMail(mail.raw));

const subject = { type: "practice", id: 1, link: "/praktik/1" };

it("notifies each distinct recipient once, never the actor, and nobody when the event rolls back", async () => {
  const [actor, a, b] = await Promise.all([testActor("editor", "32.11"), testActor("editor", "32.11"), testActor("curator")]);
  await expect(
    db().transaction(async (tx) => {
      await notify(tx, { kind: "questionAsked", actorId: actor.id, recipients: [a.id], subject, payload: { title: "Rolled back" } });
      throw new Error("the event failed");
    }),
  ).rejects.toThrow("the event failed");
  const notified = await db().transaction((tx) =>
    notify(tx, { kind: "questionAsked", actorId: actor.id, recipients: [a.id, b.id, a.id, actor.id], subject, payload: { title: "Mal Pelayanan" } }),
  );
  expect(notified.sort()).toEqual([a.id, b.id].sort());
  for (const [user, expected] of [[a, 1], [b, 1], [actor, 0]] as const) {
    const rows = await db().select().from(notifications).where(eq(notifications.userId, user.id));
    expect(rows.map((row) => row.payload.title)).toEqual(expected === 1 ? ["Mal Pelayanan"] : []);
  }
});

it("emails at once by default, in the recipient's language, with one-click unsubscribe headers; inbox only sends nothing", async () => {
  const [actor, english, quiet] = await Promise.all([testActor("curator"), testActor("editor", "32.11"), testActor("editor", "32.11")]);
  await db().update(users).set({ language: "en" }).where(eq(users.id, english.id));
  await setChannel(quiet.id, "changesRequested", "in_app");
  await db().transaction((tx) =>
    notify(tx, { kind: "changesRequested", actorId: actor.id, recipients: [english.id, quiet.id], subject, payload: { title: "E-Office <b>Sumedang</b>" } }),
  );
  await startEmailWorker();
  const address = await emailOf(english.id);
  const [mail] = await eventually(() => (mailTo(address).length > 0 ? mailTo(address) : undefined));
  expect(mail!).toMatch(/^Subject: IDSL: Uji curator requested changes to the practice/m);
  expect(mail!).toMatch(/^List-Unsubscribe: <http:\/\/localhost:\d+\/berhenti-langganan\/\d+\.changesRequested\.[\w-]+>/m);
  expect(mail!).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
  // The HTML part escapes what users typed.
  expect(mail!).toContain("E-Office &lt;b&gt;Sumedang&lt;/b&gt;");
  await pause(1_500);
  expect(mailTo(address)).toHaveLength(1);
  expect(mailTo(await emailOf(quiet.id))).toHaveLength(0);
});

it("retries a refused send and then delivers it once", async () => {
  const [actor, recipient] = await Promise.all([testActor("curator"), testActor("editor", "32.11")]);
  refusals = 1;
  await db().transaction((tx) => notify(tx, { kind: "practicePublished", actorId: actor.id, recipients: [recipient.id], subject, payload: { title: "Retry" } }));
  await startEmailWorker();
  const address = await emailOf(recipient.id);
  await eventually(() => (mailTo(address).length > 0 ? true : undefined), 30_000);
  await pause(2_000);
  expect(mailTo(address)).toHaveLength(1);
  expect(refusals).toBeLessThan(0);
  const [email] = await db().select().from(notificationEmails).where(eq(notificationEmails.userId, recipient.id));
  expect(email!.sentAt).not.toBeNull();
  const [job] = await db().execute<{ retry_count: number }>(sql`select retry_count from pgboss.job where name = ${sendNotificationEmailJob.name} and data->>'emailId' = ${String(email!.id)}`);
  expect(job?.retry_count).toBe(1);
});

it("refuses to email an address or name carrying a line break (header injection), and does not retry it", async () => {
  const [actor, recipient] = await Promise.all([testActor("curator"), testActor("editor", "32.11")]);
  await db().update(users).set({ name: "Budi\r\nBcc: victim@example.com" }).where(eq(users.id, recipient.id));
  await db().transaction((tx) => notify(tx, { kind: "practiceArchived", actorId: actor.id, recipients: [recipient.id], subject, payload: { title: "X" } }));
  await startEmailWorker();
  const [email] = await db().select().from(notificationEmails).where(eq(notificationEmails.userId, recipient.id));
  await eventually(async () => {
    const [job] = await db().execute<{ state: string }>(sql`select state::text as state from pgboss.job where name = ${sendNotificationEmailJob.name} and data->>'emailId' = ${String(email!.id)}`);
    return job?.state === "completed" ? true : undefined;
  });
  expect(smtp.received.some((mail) => readableMail(mail.raw).includes("victim@example.com"))).toBe(false);
});

it("sends one digest per user and period however many notifications, listing some and linking the inbox", async () => {
  const recipient = await testActor("editor", "32.11");
  await setChannel(recipient.id, "questionAsked", "daily");
  const now = new Date("2026-12-01T23:30:00Z");
  // 10,000 in the day that ended at 23:00 UTC.
  await db().execute(sql`
    insert into notifications (user_id, kind, subject_type, subject_id, link, payload, created_at)
    select ${recipient.id}, 'questionAsked', 'practice', '1', '/praktik/1', jsonb_build_object('title', 'Praktik ' || n), timestamptz '2026-11-30T23:00:00Z' + n * interval '8 seconds'
    from generate_series(1, 10000) n`);
  expect(await enqueueDigests("daily", now)).toBeGreaterThanOrEqual(1);
  // A second run for the same period (a retry, another worker) adds nothing.
  await enqueueDigests("daily", now);
  const emails = await db()
    .select()
    .from(notificationEmails)
    .where(and(eq(notificationEmails.userId, recipient.id), eq(notificationEmails.digest, "daily")));
  expect(emails).toHaveLength(1);

  await startEmailWorker();
  const address = await emailOf(recipient.id);
  await eventually(() => (mailTo(address).length > 0 ? true : undefined));
  await pause(1_500);
  const mails = mailTo(address);
  expect(mails).toHaveLength(1);
  expect(mails[0]!).toMatch(/^Subject: IDSL: 10000 pemberitahuan hari ini/m);
  expect(mails[0]!).toContain("dan 9980 lainnya di kotak masuk Anda");
  expect(mails[0]!).toMatch(/berhenti-langganan\/\d+\.daily\./);
});

it("pages an inbox of 10,000 notifications, counts unread cheaply, and opens only the owner's", async () => {
  const [owner, other] = await Promise.all([testActor("editor", "32.11"), testActor("editor", "32.11")]);
  await db().execute(sql`
    insert into notifications (user_id, kind, subject_type, subject_id, link, payload)
    select ${owner.id}, 'answerPosted', 'practice', n::text, '/praktik/' || n, jsonb_build_object('title', 'Praktik ' || n)
    from generate_series(1, 10000) n`);
  expect(await unreadCount(owner.id)).toBe(100);

  let before: number | null = null;
  let seen = 0;
  let pages = 0;
  const started = Date.now();
  do {
    const page = await inboxPage(owner.id, before);
    expect(page.entries.length).toBeLessThanOrEqual(INBOX_PAGE_SIZE);
    seen += page.entries.length;
    before = page.olderFrom;
    pages += 1;
  } while (before !== null);
  expect(seen).toBe(10_000);
  expect(pages).toBe(10_000 / INBOX_PAGE_SIZE);
  // Each keyset page reads one slice of the index: 400 pages well within the test's time.
  expect(Date.now() - started).toBeLessThan(20_000);

  const first = (await inboxPage(owner.id, null)).entries[0]!;
  expect(first.payload.title).toBe("Praktik 10000");
  expect(await openNotification(other.id, first.id)).toBeNull();
  expect(await openNotification(owner.id, first.id)).toBe("/praktik/10000");
  expect(await markAllRead(owner.id)).toBe(9_999);
  expect(await unreadCount(owner.id)).toBe(0);
});

it("unsubscribes with a valid link only: a tampered link or one altered to another user changes nothing", async () => {
  const [alice, bob] = await Promise.all([testActor("editor", "32.11"), testActor("editor", "32.11")]);
  const token = unsubscribeToken(alice.id, "answerPosted");
  expect(readUnsubscribeToken(token)).toEqual({ userId: alice.id, kind: "answerPosted" });

  const tampered = `${token.slice(0, -2)}${token.endsWith("A") ? "B" : "A"}A`;
  const otherUser = token.replace(`${alice.id}.`, `${bob.id}.`);
  const otherKind = token.replace(".answerPosted.", ".questionAsked.");
  for (const bad of [tampered, otherUser, otherKind, "", "1.answerPosted", `${alice.id}.nope.${token.split(".")[2]}`]) {
    expect(await unsubscribe(bad)).toBeNull();
  }
  expect((await getChannels(alice.id)).answerPosted).toBe("email");
  expect((await getChannels(bob.id)).answerPosted).toBe("email");
  const rows = await db().select().from(notificationPreferences).where(eq(notificationPreferences.userId, bob.id));
  expect(rows).toEqual([]);

  expect(await unsubscribe(token)).toBe("answerPosted");
  expect((await getChannels(alice.id)).answerPosted).toBe("in_app");
  expect((await getChannels(alice.id)).questionAsked).toBe("email");
  expect((await getChannels(bob.id)).answerPosted).toBe("email");
});

it("finds the same digest period however late the schedule runs", () => {
  expect(digestPeriodBefore("daily", new Date("2026-12-02T23:05:00Z"))).toEqual({ start: new Date("2026-12-01T23:00:00Z"), end: new Date("2026-12-02T23:00:00Z") });
  expect(digestPeriodBefore("daily", new Date("2026-12-03T10:00:00Z"))).toEqual({ start: new Date("2026-12-01T23:00:00Z"), end: new Date("2026-12-02T23:00:00Z") });
  // 2026-12-06 is a Sunday: weeks end then at 23:00 UTC (Monday 06:00 in Jakarta).
  expect(digestPeriodBefore("weekly", new Date("2026-12-09T12:00:00Z"))).toEqual({ start: new Date("2026-11-29T23:00:00Z"), end: new Date("2026-12-06T23:00:00Z") });
});
