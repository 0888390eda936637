import { and, count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { notifications, practiceContactConsents, practiceContactMessages, practiceRevisions, rateLimitCounters } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, practiceForm } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { LIMITS } from "../limits/index.server";
import { createPractice, decideOnPractice } from "./practice-commands.server";

/**
 * A practice's contact person over HTTP: never in what a visitor can fetch (page, loader data,
 * the list, the contact page), shown to signed-in officials once consent is recorded; visitors
 * write through IDSL instead.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Awaited<ReturnType<typeof createSignedInUser>>;
let member: Awaited<ReturnType<typeof createSignedInUser>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;
let consentedId: number;
let legacyId: number;
const NAME = "Wiryawan Kontakrahasia";
const PHONE = "0812-3456-7890";
const LEGACY_NAME = "Sulastri Kontaklama";
const LEGACY_PHONE = "0811-0000-9999";

async function publish(contact: string, contactConsent: boolean, title: string) {
  const { id } = await createPractice({ regionCode: "32.11", content: practiceContent({ title, contact, leadOpd: "Dinas Komunikasi dan Informatika" }), contactConsent, submit: true, actorId: editor.id, ip: "127.0.0.1" });
  const published = await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: { id: curator.id, role: "curator", regionCode: null }, ip: "127.0.0.1" });
  expect(published.ok).toBe(true);
  return id;
}

beforeAll(async () => {
  [editor, member, curator] = await Promise.all([createSignedInUser("editor", "32.11"), createSignedInUser("member", "33.16"), createSignedInUser("curator")]);
  consentedId = await publish(`${NAME}, ${PHONE}`, true, "Praktik dengan kontak bersetuju");
  // As saved before consents were recorded.
  legacyId = await publish(`${LEGACY_NAME}, ${LEGACY_PHONE}`, false, "Praktik dengan kontak lama");
  app = await startTestApp();
}, 120_000);
afterAll(() => app.close());
afterEach(() => db().delete(rateLimitCounters));

async function body(path: string, cookie?: string) {
  const response = await request(app.origin, path, { cookie });
  return { status: response.status, text: await response.text() };
}

describe("a practice's contact person", () => {
  it("is in nothing a visitor can fetch: page, loader data, list, contact page, history", async () => {
    const paths = [
      `/praktik/${consentedId}`,
      `/praktik/${consentedId}.data`,
      `/praktik/${consentedId}?_data=routes%2Fpraktik.%24id`,
      `/praktik/${consentedId}/hubungi`,
      `/praktik/${consentedId}/hubungi.data`,
      `/praktik/${consentedId}/riwayat`,
      `/praktik/${consentedId}/tinjauan`,
      `/praktik/${consentedId}/ubah`,
      `/praktik?q=${encodeURIComponent("Praktik dengan kontak")}`,
      "/praktik.data",
      `/praktik/${legacyId}`,
      `/praktik/${legacyId}.data`,
    ];
    for (const path of paths) {
      const { status, text } = await body(path);
      expect(status, path).toBeLessThan(500);
      for (const secret of [NAME, PHONE, "Kontakrahasia", LEGACY_NAME, LEGACY_PHONE]) expect(text, `${path} shows ${secret}`).not.toContain(secret);
    }
    const page = await body(`/praktik/${consentedId}`);
    expect(page.text).toContain("Dinas Komunikasi dan Informatika");
    expect(page.text).toContain(`href="/praktik/${consentedId}/hubungi"`);
    expect(page.text).toContain("Hubungi melalui IDSL");
  });

  it("is shown to any signed-in official once consent is recorded, in the page and its loader data", async () => {
    for (const path of [`/praktik/${consentedId}`, `/praktik/${consentedId}.data`]) {
      const { text } = await body(path, member.cookie);
      expect(text, path).toContain(NAME);
      expect(text, path).toContain(PHONE);
    }
  });

  it("without recorded consent is shown only to the region's editors and curators, marked as such", async () => {
    expect((await body(`/praktik/${legacyId}`, member.cookie)).text).not.toContain(LEGACY_PHONE);
    for (const viewer of [editor, curator]) {
      const { text } = await body(`/praktik/${legacyId}`, viewer.cookie);
      expect(text).toContain(LEGACY_PHONE);
      expect(text).toContain("Persetujuan orang ini belum tercatat");
    }
  });

  it("is not saved without the consent box: the message is beside it, the input kept, nothing saved; with it the consent is recorded", async () => {
    const revisions = async () => (await db().select({ n: count() }).from(practiceRevisions).where(eq(practiceRevisions.practiceId, legacyId)))[0]!.n;
    const before = await revisions();
    const contact = "Budi Baru, 0813-2222-3333";
    const refused = await request(app.origin, `/praktik/${legacyId}/ubah`, { cookie: editor.cookie, form: practiceForm({ version: "1", contact }) });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Centang persetujuan orang yang dihubungi, atau kosongkan kontak.");
    expect(html).toContain(`value="${contact}"`);
    expect(await revisions()).toBe(before);

    const saved = await request(app.origin, `/praktik/${legacyId}/ubah`, { cookie: editor.cookie, form: practiceForm({ version: "1", contact, contactConsent: "on" }) });
    expect(saved.status).toBe(302);
    expect(await revisions()).toBe(before + 1);
    const consents = await db().select().from(practiceContactConsents).where(eq(practiceContactConsents.practiceId, legacyId));
    expect(consents).toEqual([expect.objectContaining({ contact, recordedById: editor.id })]);
    // The editor's form shows the consent as recorded, the box ticked.
    const form = await body(`/praktik/${legacyId}/ubah`, editor.cookie);
    expect(form.text).toContain("Persetujuan untuk kontak ini dicatat oleh");
    expect(form.text).toMatch(/<input type="checkbox" name="contactConsent"[^>]*checked/);
  });
});

describe("Hubungi melalui IDSL", () => {
  const messages = async () => db().select().from(practiceContactMessages).where(eq(practiceContactMessages.practiceId, consentedId));
  const tokenOf = (html: string) => html.match(/name="formToken" value="([^"]+)"/)![1]!;
  const valid = async () => ({
    name: "Rina Wulandari",
    email: "rina@blorakab.go.id",
    purpose: "replication",
    body: "Boleh kami mereplikasi?",
    formToken: tokenOf((await body(`/praktik/${consentedId}/hubungi`)).text),
  });

  it("stores a visitor's message once, however often the form is posted, and confirms it", async () => {
    const before = (await messages()).length;
    const form = await valid();
    const responses = await Promise.all([1, 2, 3].map(() => request(app.origin, `/praktik/${consentedId}/hubungi`, { form })));
    for (const response of responses) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/praktik/${consentedId}/hubungi?terkirim=1`);
    }
    expect((await messages()).length).toBe(before + 1);
    expect((await body(`/praktik/${consentedId}/hubungi?terkirim=1`)).text).toContain("Pesan Anda sudah diterima IDSL");
  });

  it("leads the region's editor from the notification to the message, escaped, and hides it from everyone else", async () => {
    const form = { ...(await valid()), name: "<b>Rina</b>", body: "<script>alert(1)</script> Boleh berkunjung?" };
    await request(app.origin, `/praktik/${consentedId}/hubungi`, { form });
    const [message] = (await messages()).filter((row) => row.formToken === form.formToken);
    const [notification] = await db().select().from(notifications).where(and(eq(notifications.userId, editor.id), eq(notifications.subjectId, String(message!.id)), eq(notifications.kind, "contactMessageReceived")));
    const path = `/praktik/${consentedId}/pesan/${message!.id}`;
    expect(notification!.link).toBe(path);
    const opened = await request(app.origin, `/kotak-masuk/${notification!.id}`, { cookie: editor.cookie });
    expect(opened.headers.get("location")).toBe(path);
    const page = await body(path, editor.cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Boleh berkunjung?");
    expect(page.text).not.toContain("<script>alert(1)");
    expect(page.text).toContain(`href="mailto:rina%40blorakab.go.id"`);
    expect((await body(path, curator.cookie)).status).toBe(200);
    // Another region's official, a message id on another practice, and a visitor (sent to sign in).
    expect((await body(path, member.cookie)).status).toBe(404);
    expect((await body(`/praktik/${legacyId}/pesan/${message!.id}`, editor.cookie)).status).toBe(404);
    const visitor = await request(app.origin, path);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/masuk/);
  });

  it("refuses header injection, bad and long fields with a message beside each, input kept and escaped, nothing stored", async () => {
    const before = (await messages()).length;
    const response = await request(app.origin, `/praktik/${consentedId}/hubungi`, {
      form: {
        ...(await valid()),
        name: "Rina\r\nBcc: korban@example.com",
        email: "rina@blorakab.go.id\nCc: x@y.z",
        purpose: "iklan",
        body: `<script>alert("x")</script>${"a".repeat(4000)}`,
      },
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html.match(/Tulis dalam satu baris\./g)).toHaveLength(2);
    expect(html).toContain("Pilih tujuan dari daftar.");
    expect(html).toContain("Terlalu panjang (maksimal 3.000 karakter).");
    expect(html).toContain("Bcc: korban@example.com");
    expect(html).not.toContain('<script>alert("x")');
    expect(html).toContain("&lt;script&gt;alert");
    expect((await messages()).length).toBe(before);
  });

  it("tells a bot that filled the hidden field it was sent, and stores nothing", async () => {
    const before = (await messages()).length;
    const response = await request(app.origin, `/praktik/${consentedId}/hubungi`, { form: { ...(await valid()), website: "http://spam.example" } });
    expect(response.status).toBe(302);
    expect((await messages()).length).toBe(before);
  });

  it("limits messages per sender: the next one is a 429 with Retry-After", async () => {
    for (let sent = 0; sent < LIMITS.contactMessage.account.points; sent += 1) {
      expect((await request(app.origin, `/praktik/${consentedId}/hubungi`, { form: await valid() })).status).toBe(302);
    }
    const refused = await request(app.origin, `/praktik/${consentedId}/hubungi`, { form: await valid() });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("is only for published practices", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: editor.id, ip: "127.0.0.1" });
    expect((await body(`/praktik/${id}/hubungi`)).status).toBe(404);
    expect((await request(app.origin, `/praktik/${id}/hubungi`, { form: await valid() })).status).toBe(404);
  });
});
