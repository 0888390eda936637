import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applicationRequests, applications, rateLimitCounters } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, publishPractice } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { createApplication } from "./application-commands.server";

/** The catalog's pages over HTTP: sign-in, forged ids, links, markup and size are answered, never a 500. */
let app: Awaited<ReturnType<typeof startTestApp>>;
let applicationId: number;
let sumedangEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let bloraEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let sumedangMember: Awaited<ReturnType<typeof createSignedInUser>>;
const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

beforeAll(async () => {
  [sumedangEditor, bloraEditor, sumedangMember] = await Promise.all([createSignedInUser("editor", "32.11"), createSignedInUser("editor", "33.16"), createSignedInUser("member", "32.11")]);
  const curator = await createSignedInUser("curator");
  const editorActor = { id: sumedangEditor.id, role: "editor" as const, regionCode: "32.11" };
  const practiceId = await publishPractice(practiceContent({ title: "Naskah dinas elektronik" }), { editor: editorActor, curator: { id: curator.id, role: "curator", regionCode: null } });
  const created = await createApplication({
    regionCode: "32.11",
    content: { name: XSS, function: "administrasi_perkantoran", description: XSS, indicatorIds: [], stack: [XSS], hosting: XSS, terms: "hibah", licence: "", termsNote: XSS, documentationUrl: null, sourceUrl: null, practiceIds: [practiceId] },
    actor: editorActor,
    ip: "127.0.0.1",
    formToken: null,
  });
  applicationId = created.ok ? created.id : 0;
  app = await startTestApp();
}, 120_000);
afterAll(() => app.close());
afterEach(() => db().delete(rateLimitCounters));

const editForm = (fields: Record<string, string>) => new URLSearchParams({ name: "E-Office", function: "administrasi_perkantoran", description: "Naskah dinas.", terms: "hibah", stack: "", ...fields });

describe("application catalog over HTTP", () => {
  it("sends a visitor who wants to request an application to sign in and back", async () => {
    for (const method of ["GET", "POST"]) {
      const response = await request(app.origin, `/aplikasi/${applicationId}/minta`, method === "POST" ? { form: { purpose: "x" } } : {});
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/masuk?redirectTo=${encodeURIComponent(`/aplikasi/${applicationId}/minta`)}`);
    }
    expect((await db().select({ value: count() }).from(applicationRequests).where(eq(applicationRequests.applicationId, applicationId)))[0]!.value).toBe(0);
  });

  it("tells an account of the owner region it cannot request, and refuses its post", async () => {
    expect(await (await request(app.origin, `/aplikasi/${applicationId}/minta`, { cookie: sumedangMember.cookie })).text()).toContain("bukan daerah pemiliknya");
    const posted = await request(app.origin, `/aplikasi/${applicationId}/minta`, {
      cookie: sumedangMember.cookie,
      form: { purpose: "Untuk kami sendiri", contact: "Ani, 0812", contactConsent: "ya", sourcePracticeId: "1", adopterPracticeId: "1" },
    });
    expect(posted.status).toBe(400);
    expect(await posted.text()).toContain("Untuk kami sendiri");
    expect((await db().select({ value: count() }).from(applicationRequests).where(eq(applicationRequests.applicationId, applicationId)))[0]!.value).toBe(0);
  });

  it("escapes markup in every field on the catalog and the application page", async () => {
    for (const path of ["/aplikasi", `/aplikasi/${applicationId}`, "/daerah/32.11"]) {
      const html = await (await request(app.origin, path)).text();
      expect(html).not.toContain("<script>alert(");
      expect(html).not.toContain("<img src=x");
    }
    expect(await (await request(app.origin, `/aplikasi/${applicationId}`)).text()).toContain("&lt;script&gt;");
  });

  it("forbids another region's editor to edit (forged id), changing nothing", async () => {
    const before = await db().select().from(applications).where(eq(applications.id, applicationId));
    expect((await request(app.origin, `/aplikasi/${applicationId}/ubah`, { cookie: bloraEditor.cookie })).status).toBe(403);
    expect((await request(app.origin, `/aplikasi/${applicationId}/ubah`, { cookie: bloraEditor.cookie, form: editForm({ name: "Dibajak" }) })).status).toBe(403);
    expect(await db().select().from(applications).where(eq(applications.id, applicationId))).toEqual(before);
    expect((await request(app.origin, "/aplikasi/99999999999")).status).toBe(404);
  });

  it("refuses javascript: links and huge fields next to the field, keeping the input", async () => {
    const refused = await request(app.origin, `/aplikasi/${applicationId}/ubah`, {
      cookie: sumedangEditor.cookie,
      form: editForm({ documentationUrl: "javascript:alert(document.cookie)", name: "Nama yang dipertahankan", description: "d".repeat(60_000) }),
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Masukkan alamat web lengkap yang diawali http:// atau https://.");
    expect(html).toMatch(/Terlalu panjang \(maksimal 5.000 karakter\)/);
    expect(html).toContain("Nama yang dipertahankan");
    expect(html).not.toContain('href="javascript:');
    expect((await db().select({ name: applications.name }).from(applications).where(eq(applications.id, applicationId)))[0]!.name).toBe(XSS);
    // A body past the server's limit is answered, not a 500.
    const huge = await request(app.origin, "/aplikasi/baru", { cookie: sumedangEditor.cookie, form: editForm({ description: "x".repeat(5_000_000) }) });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
  });
});
