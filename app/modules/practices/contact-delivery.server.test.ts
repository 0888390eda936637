/**
 * Messages through IDSL reach the region's editors through notifications (decision 0026): one
 * inbox entry each, and an email for those who chose "email at once", sent by a real job worker
 * through SMTP_URL to a real SMTP server in this process.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { notificationEmails, notificationPreferences, notifications, practiceContactMessages, users } from "../../../db/schema";
import { practiceContent, testActor } from "../../../tests/support/practice-factory";
import { readableMail, startSmtpReceiver } from "../../../tests/support/smtp-receiver";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { enqueueJob, type JobWorker, startJobWorker } from "../jobs/index.server";
import { sendNotificationEmailJob } from "../notifications/index.server";
import { contactMessagePath, deliverQueuedContactMessageJob, getContactMessage, newContactFormToken, storeContactMessage } from "./contact-messages.server";
import { createPractice, decideOnPractice } from "./practice-commands.server";

// Regions no other test gives editors: the first's editors are exactly the three below, the second has none.
const REGION = "34.02";
const NO_EDITORS = "34.03";
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let worker: JobWorker | undefined;
let curator: Actor;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  // Read once by serverEnv(), so set before anything in this file touches the database.
  process.env.SMTP_URL = smtp.url;
  curator = await testActor("curator");
});

afterAll(async () => {
  await worker?.stop();
  await smtp.close();
  // The worker process runs other test files after this one.
  delete process.env.SMTP_URL;
});

async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function publishedPractice(regionCode: string, editor: Actor) {
  const { id } = await createPractice({ regionCode, content: practiceContent({ title: "Mal Pelayanan Publik Digital", contact: "Wati, 0812-9999-0000" }), contactConsent: true, submit: true, actorId: editor.id, ip: "127.0.0.1" });
  expect((await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip: "127.0.0.1" })).ok).toBe(true);
  return { id, regionCode };
}

/** Per recipient: notifications of this kind about the message, and the email rows written for them. */
async function delivered(messageId: number) {
  const rows = await db()
    .select({ id: notifications.id, userId: notifications.userId, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.kind, "contactMessageReceived"), eq(notifications.subjectType, "contactMessage"), eq(notifications.subjectId, String(messageId))));
  const emails = rows.length === 0 ? [] : await db().select({ userId: notificationEmails.userId }).from(notificationEmails).where(inArray(notificationEmails.notificationId, rows.map((row) => row.id)));
  return { inbox: rows.map((row) => row.userId).sort(), emails: emails.map((email) => email.userId).sort(), links: [...new Set(rows.map((row) => row.link))] };
}

it("notifies each of the region's editors once per message on their chosen channel, even when the form is posted twice; the email links to the message and unsubscribes from this kind", async () => {
  const [emailNow, inboxOnly, digest, otherEditor, member] = await Promise.all([
    testActor("editor", REGION),
    testActor("editor", REGION),
    testActor("editor", REGION),
    testActor("editor", "32.11"),
    testActor("member", REGION),
  ]);
  await db()
    .insert(notificationPreferences)
    .values([
      { userId: inboxOnly.id, kind: "contactMessageReceived", channel: "in_app" },
      { userId: digest.id, kind: "contactMessageReceived", channel: "daily" },
    ]);
  const addresses = new Map((await db().select({ id: users.id, email: users.email }).from(users)).map((user) => [user.id, user.email]));
  const practice = await publishedPractice(REGION, emailNow);

  const message = { name: "Rina Wulandari", email: "rina@blorakab.go.id", purpose: "study_visit" as const, body: "Kami ingin studi tiru bulan depan.", formToken: newContactFormToken() };
  // A double click: the same form posted twice at once.
  const results = await Promise.all([1, 2].map(() => storeContactMessage({ practice, message, senderUserId: null })));
  const created = results.filter((result) => result.created);
  expect(created).toEqual([expect.objectContaining({ recipients: 3 })]);
  const messageId = created[0]!.created ? created[0]!.id : 0;

  const sorted = (...actors: Actor[]) => actors.map((actor) => actor.id).sort();
  expect(await delivered(messageId)).toEqual({ inbox: sorted(emailNow, inboxOnly, digest), emails: sorted(emailNow), links: [contactMessagePath(practice.id, messageId)] });
  const [stored] = await db().select().from(practiceContactMessages).where(eq(practiceContactMessages.id, messageId));
  expect(stored).toMatchObject({ recipientCount: 3, deliveredAt: expect.any(Date) });

  worker = await startJobWorker([sendNotificationEmailJob], { pollingIntervalSeconds: 0.5 });
  // The publication emailed the region's editors too: only this message's emails count here.
  const aboutMessage = () => smtp.received.filter((mail) => mail.raw.includes(contactMessagePath(practice.id, messageId)));
  const toEditor = await eventually(async () => (aboutMessage().length > 0 ? aboutMessage() : undefined));
  // Anything sent twice would arrive within a few polls.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(aboutMessage().flatMap((mail) => mail.to)).toEqual([addresses.get(emailNow.id)]);
  const mail = readableMail(toEditor[0]!.raw);
  expect(mail).toContain("Rina Wulandari menulis melalui IDSL tentang praktik “Mal Pelayanan Publik Digital”.");
  expect(mail).toContain(contactMessagePath(practice.id, messageId));
  // The contact person is never in the mail.
  expect(mail).not.toContain("0812-9999-0000");
  // One-click unsubscribe from this kind, as every notification email has.
  expect(mail).toMatch(new RegExp(`^List-Unsubscribe: <http://[^/]+/berhenti-langganan/${emailNow.id}\\.contactMessageReceived\\.[\\w-]+>`, "m"));
  expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

  // Nobody of another region, no member and no curator hears of it.
  for (const actor of [otherEditor, member, curator]) expect((await delivered(messageId)).inbox).not.toContain(actor.id);

  // A second message (a new form) is a second notification for each, again once.
  const next = await storeContactMessage({ practice, message: { ...message, formToken: newContactFormToken() }, senderUserId: null });
  expect(next.created && (await delivered(next.id))).toMatchObject({ inbox: sorted(emailNow, inboxOnly, digest), emails: sorted(emailNow) });
});

it("reaches Kemendagri's curators while the region has no editor, never notifies a signed-in sender, and rolls back with the message", async () => {
  const [otherCurator, leaving] = await Promise.all([testActor("curator"), testActor("editor", NO_EDITORS)]);
  const practice = await publishedPractice(NO_EDITORS, leaving);
  await db().update(users).set({ active: false }).where(and(eq(users.role, "editor"), eq(users.regionCode, NO_EDITORS)));
  const curators = (await db().select({ id: users.id }).from(users).where(and(eq(users.role, "curator"), eq(users.active, true)))).map((user) => user.id).sort();
  const message = { name: "Kurator", email: "kurator@kemendagri.go.id", purpose: "other" as const, body: "Halo", formToken: newContactFormToken() };
  const result = await storeContactMessage({ practice, message, senderUserId: curator.id });
  if (!result.created) throw new Error("not stored");
  expect((await delivered(result.id)).inbox).toEqual(curators.filter((id) => id !== curator.id));
  expect((await delivered(result.id)).inbox).toContain(otherCurator.id);
  expect(await getContactMessage(practice.id, result.id)).toMatchObject({ senderName: "Kurator", regionCode: NO_EDITORS, body: "Halo", title: "Mal Pelayanan Publik Digital" });
  // A message id of another practice is not found on this one.
  expect(await getContactMessage(practice.id + 1, result.id)).toBeNull();

  // A message that cannot be stored notifies nobody.
  const broken = { ...message, name: "Rina\r\nBcc: x@y.z", formToken: newContactFormToken() };
  const before = await db().select({ id: notifications.id }).from(notifications).where(eq(notifications.kind, "contactMessageReceived"));
  await expect(storeContactMessage({ practice, message: broken, senderUserId: null })).rejects.toThrow();
  expect(await db().select({ id: notifications.id }).from(notifications).where(eq(notifications.kind, "contactMessageReceived"))).toHaveLength(before.length);
});

it("delivers a message queued by the email job messages had before notifications as that recipient's notification, once", async () => {
  // Two editors, one job: only the recipient the job names is notified.
  const [editor] = await Promise.all([testActor("editor", "34.04"), testActor("editor", "34.04")]);
  const practice = await publishedPractice("34.04", editor);
  // As a deployment updated while the old job waited holds it: the message stored, one job per recipient queued.
  const [message] = await db()
    .insert(practiceContactMessages)
    .values({ practiceId: practice.id, regionCode: practice.regionCode, senderName: "Sari", senderEmail: "sari@x.go.id", purpose: "other", body: "Halo", formToken: newContactFormToken() })
    .returning({ id: practiceContactMessages.id });
  const messageId = message!.id;
  const oldPayload = { messageId, recipientId: editor.id, practiceUrl: `http://localhost/praktik/${practice.id}` };
  const jobId = await enqueueJob(db(), deliverQueuedContactMessageJob, oldPayload);
  // A job of a message deleted since is done with, not retried forever.
  const goneId = await enqueueJob(db(), deliverQueuedContactMessageJob, { ...oldPayload, messageId: 2_000_000_000 });

  const jobWorker = await startJobWorker([deliverQueuedContactMessageJob], { pollingIntervalSeconds: 0.5 });
  try {
    const stateOf = async (id: string | null) => (await db().execute<{ state: string }>(sql`select state from pgboss.job where id = ${id}`))[0]?.state;
    await eventually(async () => ((await stateOf(jobId)) === "completed" && (await stateOf(goneId)) === "completed" ? true : undefined));
  } finally {
    await jobWorker.stop();
  }
  expect(await delivered(messageId)).toMatchObject({ inbox: [editor.id], links: [contactMessagePath(practice.id, messageId)] });
  // Run again (a retry after a crash): still one notification, counted once.
  await deliverQueuedContactMessageJob.run(oldPayload, { id: "retry" });
  expect((await delivered(messageId)).inbox).toEqual([editor.id]);
  const [stored] = await db().select().from(practiceContactMessages).where(eq(practiceContactMessages.id, messageId));
  expect(stored).toMatchObject({ recipientCount: 1, deliveredAt: expect.any(Date) });
});
