import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, figureNotes, invitations, levelSubmissions, peerGroups, practiceAttachments, practicePosts, practiceReviewEvents, practiceRevisions, practices, rateLimitCounters, regionProfiles } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, practiceForm, publishPractice } from "../../../tests/support/practice-factory";
import { startSmtpReceiver } from "../../../tests/support/smtp-receiver";
import { db } from "../db.server";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { createPractice } from "../practices/index.server";
import { FORM_TOKEN_FIELD } from "./form-token";
import { newFormToken } from "./submit-once.server";

/**
 * A POST sent again with the same form token (a double click without JavaScript, a browser
 * resending) creates nothing twice: the replay is answered like the first, without a 500.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let sumedangEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let bloraEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let member: Awaited<ReturnType<typeof createSignedInUser>>;
let practiceId: number;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  // Read once by serverEnv(), so set before anything in this file touches the database.
  process.env.SMTP_URL = smtp.url;
  const curator = await createSignedInUser("curator");
  [sumedangEditor, bloraEditor, member] = await Promise.all([createSignedInUser("editor", "32.11"), createSignedInUser("editor", "33.16"), createSignedInUser("member", "33.16")]);
  practiceId = await publishPractice(practiceContent({ title: "Praktik untuk kiriman ganda" }), {
    editor: { id: sumedangEditor.id, role: "editor", regionCode: "32.11" },
    curator: { id: curator.id, role: "curator", regionCode: null },
  });
  app = await startTestApp();
}, 120_000);
afterAll(async () => {
  await app.close();
  await smtp.close();
  // The worker process runs other test files after this one.
  delete process.env.SMTP_URL;
});
afterEach(() => db().delete(rateLimitCounters));

const withToken = (fields: Record<string, string>, token = newFormToken()) => new URLSearchParams({ ...fields, [FORM_TOKEN_FIELD]: token });
const postTwice = async (path: string, cookie: string, form: URLSearchParams | FormData) => {
  const [first, second] = [await request(app.origin, path, { cookie, form }), await request(app.origin, path, { cookie, form })];
  return [first.status, second.status, second.headers.get("location")];
};
const questions = async (body: string) =>
  (await db().select({ n: count() }).from(practicePosts).where(and(eq(practicePosts.practiceId, practiceId), isNull(practicePosts.questionId), eq(practicePosts.body, body))))[0]!.n;

describe("a replayed form", () => {
  it("posts a question once, and the replay gets the same answer", async () => {
    const form = withToken({ intent: "ask", body: "Berapa biaya penerapannya?" });
    expect(await postTwice(`/praktik/${practiceId}`, member.cookie, form)).toEqual([302, 302, `/praktik/${practiceId}?terkirim=ask#tanya-jawab`]);
    expect(await questions("Berapa biaya penerapannya?")).toBe(1);
    // The same words asked again from a new form are a new question.
    await request(app.origin, `/praktik/${practiceId}`, { cookie: member.cookie, form: withToken({ intent: "ask", body: "Berapa biaya penerapannya?" }) });
    expect(await questions("Berapa biaya penerapannya?")).toBe(2);
    // A page kept from before sending something else with its old token is not a replay.
    form.set("body", "Berapa lama penerapannya?");
    expect((await request(app.origin, `/praktik/${practiceId}`, { cookie: member.cookie, form })).status).toBe(302);
    expect(await questions("Berapa lama penerapannya?")).toBe(1);
  });

  it("posts an answer once", async () => {
    const [question] = await db().select({ id: practicePosts.id }).from(practicePosts).where(and(eq(practicePosts.practiceId, practiceId), isNull(practicePosts.questionId))).limit(1);
    const form = withToken({ intent: "answer", questionId: String(question!.id), body: "Dari APBD." });
    expect(await postTwice(`/praktik/${practiceId}`, sumedangEditor.cookie, form)).toEqual([302, 302, `/praktik/${practiceId}?terkirim=answer#tanya-jawab`]);
    expect(await db().select().from(practicePosts).where(eq(practicePosts.questionId, question!.id))).toHaveLength(1);
  });

  it("records an adoption once", async () => {
    const { id } = await createPractice({ regionCode: "33.16", content: practiceContent({ title: "Adopsi Blora" }), submit: false, actorId: bloraEditor.id, ip: "127.0.0.1" });
    const form = withToken({ intent: "record", sourceRegionCode: "32.11", sourcePracticeId: String(practiceId), note: "Studi tiru 2024" });
    expect(await postTwice(`/praktik/${id}/adopsi`, bloraEditor.cookie, form)).toEqual([302, 302, `/praktik/${id}#adopsi-heading`]);
    const recorded = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "practice.adoption_recorded"), eq(auditLog.targetId, String(id))));
    expect(recorded[0]!.n).toBe(1);
  });

  it("adds a figure note once", async () => {
    const noteEditor = await createSignedInUser("editor", "52.02");
    const form = withToken({ intent: "tanggapan", tahun: "2023", jenis: "official", tanggapan: "Banding sedang diajukan." });
    expect(await postTwice("/daerah/52.02", noteEditor.cookie, form)).toEqual([302, 302, "/daerah/52.02?tanggapan=1#spbe-heading"]);
    const notes = await db().select().from(figureNotes).where(and(eq(figureNotes.regionCode, "52.02"), eq(figureNotes.authorId, noteEditor.id)));
    expect(notes).toHaveLength(1);
  });
});

describe("a replayed practice editor or review form", () => {
  const titled = async (title: string) => db().select({ id: practices.id, version: practices.version }).from(practices).innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.latestRevisionId)).where(eq(practiceRevisions.title, title));

  it("creates a new practice once, and the replay is sent to the same practice", async () => {
    const form = practiceForm({ title: "Praktik baru dikirim dua kali", [FORM_TOKEN_FIELD]: newFormToken() });
    const [first, second, location] = await postTwice("/praktik/baru", bloraEditor.cookie, form);
    const created = await titled("Praktik baru dikirim dua kali");
    expect(created).toHaveLength(1);
    expect([first, second, location]).toEqual([302, 302, `/praktik/${created[0]!.id}/tinjauan?disimpan=1`]);
  });

  it("saves an edit once, and the replay is not taken for a conflict with itself", async () => {
    const { id } = await createPractice({ regionCode: "33.16", content: practiceContent({ title: "Draf Blora untuk disunting" }), submit: false, actorId: bloraEditor.id, ip: "127.0.0.1" });
    const form = practiceForm({ title: "Draf Blora disunting sekali", version: "1", [FORM_TOKEN_FIELD]: newFormToken() });
    expect(await postTwice(`/praktik/${id}/ubah`, bloraEditor.cookie, form)).toEqual([302, 302, `/praktik/${id}/tinjauan?disimpan=1`]);
    expect(await titled("Draf Blora disunting sekali")).toEqual([{ id, version: 2 }]);
  });

  it("posts a review comment once", async () => {
    const { id } = await createPractice({ regionCode: "33.16", content: practiceContent({ title: "Draf Blora dikomentari" }), submit: true, actorId: bloraEditor.id, ip: "127.0.0.1" });
    const reviewer = await createSignedInUser("curator");
    const form = withToken({ decision: "comment", comment: "Tambahkan sumber anggaran.", version: "1" });
    expect(await postTwice(`/praktik/${id}/tinjauan`, reviewer.cookie, form)).toEqual([302, 302, `/praktik/${id}/tinjauan?keputusan=comment`]);
    const comments = await db().select().from(practiceReviewEvents).where(and(eq(practiceReviewEvents.practiceId, id), eq(practiceReviewEvents.kind, "comment")));
    expect(comments).toHaveLength(1);
  });
});

describe("a replayed workspace form", () => {
  const PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  const pdf = (name: string) => new File([PDF], name, { type: "application/pdf" });

  it("adds an uploaded attachment once", async () => {
    const { id } = await createPractice({ regionCode: "33.16", content: practiceContent({ title: "Draf Blora berlampiran" }), submit: false, actorId: bloraEditor.id, ip: "127.0.0.1" });
    const form = new FormData();
    form.append("version", "1");
    form.append("file", pdf("Laporan kegiatan.pdf"));
    form.append(FORM_TOKEN_FIELD, newFormToken());
    expect(await postTwice(`/praktik/${id}/lampiran`, bloraEditor.cookie, form)).toEqual([200, 200, null]);
    expect(await db().select().from(practiceAttachments).where(eq(practiceAttachments.practiceId, id))).toHaveLength(1);
    expect((await db().select({ version: practices.version }).from(practices).where(eq(practices.id, id)))[0]!.version).toBe(2);
  });

  it("submits a level report once, superseding nothing", async () => {
    const tree = await getFrameworkTree(SPBE_2020);
    const form = new FormData();
    form.append("intent", "kirim");
    form.append("tahun", "2022");
    for (const id of tree.indicatorsById.keys()) form.append(`level_${id}`, "3");
    form.append("laporan", pdf("LHE SPBE 2022 Blora.pdf"));
    form.append(FORM_TOKEN_FIELD, newFormToken());
    const [first, second, location] = await postTwice("/daerah/33.16/level-resmi", bloraEditor.cookie, form);
    const reports = await db().select({ id: levelSubmissions.id, status: levelSubmissions.status }).from(levelSubmissions).where(and(eq(levelSubmissions.regionCode, "33.16"), eq(levelSubmissions.year, 2022)));
    expect(reports).toEqual([{ id: reports[0]!.id, status: "submitted" }]);
    expect([first, second, location]).toEqual([302, 302, `/daerah/33.16/level-resmi?terkirim=${reports[0]!.id}`]);
  });

  it("imports official results once, and the replay is told what was imported rather than that the preview is stale", async () => {
    const importer = await createSignedInUser("curator");
    const upload = new FormData();
    upload.append("intent", "preview");
    upload.append("file", new File(["kode_wilayah;nama_daerah;tahun;indeks;sumber\n35.15;Kabupaten Sidoarjo;2019;2,61;https://menpan.go.id/hasil-2019\n"], "hasil.csv"));
    const preview = await (await request(app.origin, "/kurasi/impor-spbe", { cookie: importer.cookie, form: upload })).text();
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(preview)![1]!.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const form = new FormData();
    form.append("intent", "import");
    form.append("lembar", hidden("lembar"));
    form.append("sidik", hidden("sidik"));
    form.append(FORM_TOKEN_FIELD, newFormToken());
    const first = await request(app.origin, "/kurasi/impor-spbe", { cookie: importer.cookie, form });
    const second = await request(app.origin, "/kurasi/impor-spbe", { cookie: importer.cookie, form });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.text()).toContain("Impor selesai: 1 baru, 0 diubah, 0 tidak berubah.");
    const imports = await db().select().from(auditLog).where(and(eq(auditLog.action, "assessment.official_imported"), eq(auditLog.actorId, importer.id)));
    expect(imports).toHaveLength(1);
  });

  it("creates a peer group once", async () => {
    const owner = await createSignedInUser("member", "33.16");
    expect(await postTwice("/kelompok", owner.cookie, withToken({ intent: "create", name: "Tetangga Blora" }))).toEqual([302, 302, "/kelompok?disimpan=1"]);
    expect(await db().select({ name: peerGroups.name }).from(peerGroups).where(eq(peerGroups.ownerId, owner.id))).toEqual([{ name: "Tetangga Blora" }]);
  });

  it("saves a region profile once, and the replay is not taken for a conflict with itself", async () => {
    const editor = await createSignedInUser("editor", "64.72");
    const form = withToken({ version: "0", descriptionId: "Kota di tepi Sungai Mahakam.", descriptionEn: "", websiteUrl: "", contactEmail: "" });
    expect(await postTwice("/daerah/64.72/ubah", editor.cookie, form)).toEqual([302, 302, "/daerah/64.72?disimpan=1"]);
    expect(await db().select({ version: regionProfiles.version }).from(regionProfiles).where(eq(regionProfiles.regionCode, "64.72"))).toEqual([{ version: 1 }]);
  });

  it("invites once: one invitation, one email, and the link first sent still works", async () => {
    const admin = await createSignedInUser("admin");
    const email = `undangan.ganda.${process.pid}@contoh.go.id`;
    const form = withToken({ intent: "create", email, role: "member", regionCode: "33.16" });
    const first = await request(app.origin, "/admin/undangan", { cookie: admin.cookie, form });
    const second = await request(app.origin, "/admin/undangan", { cookie: admin.cookie, form });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.text()).toContain("sudah dibuat saat formulir ini pertama kali dikirim");
    const rows = await db().select({ revokedAt: invitations.revokedAt }).from(invitations).where(eq(invitations.email, email));
    expect(rows).toEqual([{ revokedAt: null }]);
    expect(smtp.received.filter((mail) => mail.to.includes(email))).toHaveLength(1);
  });
});
