/**
 * Messages through IDSL reach the region's editors by email: a real SMTP server in this process
 * receives what the delivery jobs send through SMTP_URL, run by a real job worker.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { practiceContactMessages } from "../../../db/schema";
import { practiceContent, testActor } from "../../../tests/support/practice-factory";
import { startSmtpReceiver } from "../../../tests/support/smtp-receiver";
import { db } from "../db.server";
import { type JobWorker, startJobWorker } from "../jobs/index.server";
import { deliverContactMessageJob, newContactFormToken, storeContactMessage } from "./contact-messages.server";
import { createPractice, decideOnPractice } from "./practice-commands.server";

// A region no other test gives editors, so its editors are exactly the two below.
const REGION = "34.02";
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let worker: JobWorker | undefined;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  // Read once by serverEnv(), so set before anything in this file touches the database.
  process.env.SMTP_URL = smtp.url;
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

it("emails each of the region's editors exactly once per message, replying to the sender, even when the form is posted twice", async () => {
  const [editorA, editorB, otherEditor, member, curator] = await Promise.all([
    testActor("editor", REGION),
    testActor("editor", REGION),
    testActor("editor", "32.11"),
    testActor("member", REGION),
    testActor("curator"),
  ]);
  const emails = new Map(
    (await db().query.users.findMany({ columns: { id: true, email: true } })).map((user) => [user.id, user.email]),
  );
  const { id } = await createPractice({ regionCode: REGION, content: practiceContent({ title: "Mal Pelayanan Publik Digital", contact: "Wati, 0812-9999-0000" }), contactConsent: true, submit: true, actorId: editorA.id, ip: "127.0.0.1" });
  expect((await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip: "127.0.0.1" })).ok).toBe(true);

  const message = { name: "Rina Wulandari", email: "rina@blorakab.go.id", purpose: "study_visit" as const, body: "Kami ingin studi tiru bulan depan.", formToken: newContactFormToken() };
  const practiceUrl = `http://localhost/praktik/${id}`;
  // A double click: the same form posted twice at once.
  const results = await Promise.all([1, 2].map(() => storeContactMessage({ practice: { id, regionCode: REGION }, message, senderUserId: null, practiceUrl })));
  expect(results.filter((result) => result.created)).toEqual([expect.objectContaining({ recipients: 2 })]);

  worker = await startJobWorker([deliverContactMessageJob], { pollingIntervalSeconds: 0.5 });
  const [stored] = await eventually(async () => {
    const rows = await db().select().from(practiceContactMessages).where(eq(practiceContactMessages.formToken, message.formToken));
    return rows[0]?.recipientCount === 2 ? rows : undefined;
  });
  expect(stored?.deliveredAt).toBeInstanceOf(Date);
  // Anything sent twice would arrive within a few polls.
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  const toRegion = smtp.received.filter((mail) => mail.raw.includes("Kami ingin studi tiru bulan depan."));
  expect(toRegion.flatMap((mail) => mail.to).sort()).toEqual([emails.get(editorA.id), emails.get(editorB.id)].sort());
  for (const mail of toRegion) {
    expect(mail.raw).toMatch(/^Reply-To: Rina Wulandari <rina@blorakab\.go\.id>$/m);
    expect(mail.raw).toContain("Mal Pelayanan Publik Digital");
    expect(mail.raw).toContain(practiceUrl);
    // The contact person is never in the mail: the sender does not get it, the editors have it.
    expect(mail.raw).not.toContain("0812-9999-0000");
  }
  const outsiders = [emails.get(otherEditor.id), emails.get(member.id), emails.get(curator.id)];
  expect(smtp.received.flatMap((mail) => mail.to).filter((to) => outsiders.includes(to))).toEqual([]);
});
