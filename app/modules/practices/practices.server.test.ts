import { randomUUID } from "node:crypto";
import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, practices } from "../../../db/schema";
import { indicatorId, practiceContent, practiceForm, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { getAdoptedFrom, listAdoptersOf, recordAdoption } from "./adoptions.server";
import { readAttachment, uploadAttachment } from "./attachments.server";
import { listPublicAdoptions, listPublishedPractices, listWorkspacePractices } from "./practice-list.server";
import { practiceFormValues } from "./practice-content";
import { parsePracticeListQuery } from "./practice-query";
import { isPublicSql } from "./public-practices.server";

const practiceFormData = (fields: Record<string, string>, extra: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of practiceForm(fields, extra)) data.append(name, value);
  return data;
};
import { createPractice, decideOnPractice, savePracticeRevision } from "./practice-commands.server";
import { validatePracticeContent } from "./practice-content.server";
import { getPracticeHeader, getRevision, listReviewEvents } from "./practice-queries.server";
import { isPublic } from "./workflow";
import { answerQuestion, askQuestion, listQuestionPage, setPostHidden } from "./questions.server";

let sumedangEditor: Actor;
let bloraEditor: Actor;
let curator: Actor;
let member: Actor;
const ip = "127.0.0.1";

beforeAll(async () => {
  [sumedangEditor, bloraEditor, curator, member] = await Promise.all([
    testActor("editor", "32.11"),
    testActor("editor", "33.16"),
    testActor("curator"),
    testActor("member", "33.16"),
  ]);
});

/** A practice by Sumedang's editor, walked through review to publication. */
function publishedPractice(title = `Praktik ${randomUUID()}`) {
  return publishPractice(practiceContent({ title }), { editor: sumedangEditor, curator });
}

const listQuery = (search: string) =>
  listPublishedPractices(parsePracticeListQuery(new URLSearchParams(search), { provinceCodes: new Set(["32", "33"]), regionCodes: new Set(["32.11", "33.16"]) }));

describe("curation workflow", () => {
  it("goes draft → submitted → changes requested → submitted → published, with every decision audited", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    expect((await getPracticeHeader(id))?.state).toBe("draft");
    expect(await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip })).toEqual({
      ok: false,
      reason: "not_allowed",
    });

    expect(await decideOnPractice({ practiceId: id, decision: "submit", comment: "", seenVersion: 1, actor: sumedangEditor, ip })).toEqual({ ok: true, state: "submitted" });
    expect(
      await decideOnPractice({ practiceId: id, decision: "request_changes", comment: "Tambahkan dasar hukum.", seenVersion: 1, actor: curator, ip }),
    ).toEqual({ ok: true, state: "changes_requested" });

    const revised = await savePracticeRevision({
      practiceId: id,
      baseVersion: 1,
      content: practiceContent({ legalBasis: "Perwali 5/2023" }),
      submit: true,
      actorId: sumedangEditor.id,
      ip,
    });
    expect(revised).toEqual({ ok: true, state: "submitted" });
    expect(await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 2, actor: curator, ip })).toEqual({ ok: true, state: "published" });

    const header = await getPracticeHeader(id);
    expect(isPublic(header!)).toBe(true);
    expect((await getRevision(header!.publishedRevisionId!))?.legalBasis).toBe("Perwali 5/2023");
    const events = await listReviewEvents(id);
    expect(events.map((event) => event.kind)).toEqual(["submitted", "changes_requested", "submitted", "published"]);
    expect(events[1]).toMatchObject({ body: "Tambahkan dasar hukum.", revisionNumber: 1 });
    const audited = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "practice"), eq(auditLog.targetId, String(id))))
      .orderBy(asc(auditLog.id));
    expect(audited.map((row) => row.action)).toEqual([
      "practice.created",
      "practice.submitted",
      "practice.changes_requested",
      "practice.revised",
      "practice.published",
    ]);
  });

  it("keeps the published revision public while an edit waits for review", async () => {
    const id = await publishedPractice("Versi terbit");
    const saved = await savePracticeRevision({ practiceId: id, baseVersion: 1, content: practiceContent({ title: "Versi baru" }), submit: false, actorId: sumedangEditor.id, ip });
    expect(saved).toEqual({ ok: true, state: "draft" });
    const header = (await getPracticeHeader(id))!;
    expect(isPublic(header)).toBe(true);
    expect((await getRevision(header.publishedRevisionId!))?.title).toBe("Versi terbit");
    expect((await getRevision(header.latestRevisionId))?.title).toBe("Versi baru");
    expect((await listQuery("daerah=32.11")).practices.some((practice) => practice.id === id && practice.title === "Versi terbit")).toBe(true);
  });

  it("refuses a save based on an old revision and changes nothing (optimistic locking)", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    const first = await savePracticeRevision({ practiceId: id, baseVersion: 1, content: practiceContent({ title: "Editor A" }), submit: false, actorId: sumedangEditor.id, ip });
    const second = await savePracticeRevision({ practiceId: id, baseVersion: 1, content: practiceContent({ title: "Editor B" }), submit: false, actorId: curator.id, ip });
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, reason: "conflict", currentVersion: 2 });
    const header = (await getPracticeHeader(id))!;
    expect(header.version).toBe(2);
    expect((await getRevision(header.latestRevisionId))?.title).toBe("Editor A");
  });

  it("refuses a curator decision on a revision they have not seen", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: true, actorId: sumedangEditor.id, ip });
    await savePracticeRevision({ practiceId: id, baseVersion: 1, content: practiceContent({ title: "Diam-diam diubah" }), submit: false, actorId: sumedangEditor.id, ip });
    expect(await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip })).toEqual({
      ok: false,
      reason: "conflict",
      currentVersion: 2,
    });
  });

  it("lets only curators decide and only the region's editors submit", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    expect((await decideOnPractice({ practiceId: id, decision: "submit", comment: "", seenVersion: 1, actor: bloraEditor, ip })).ok).toBe(false);
    await decideOnPractice({ practiceId: id, decision: "submit", comment: "", seenVersion: 1, actor: sumedangEditor, ip });
    expect(await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: sumedangEditor, ip })).toEqual({ ok: false, reason: "forbidden" });
  });

  it("archives (hiding the practice) and restores", async () => {
    const id = await publishedPractice();
    await decideOnPractice({ practiceId: id, decision: "archive", comment: "Duplikat", seenVersion: 1, actor: curator, ip });
    expect(isPublic((await getPracticeHeader(id))!)).toBe(false);
    expect(await savePracticeRevision({ practiceId: id, baseVersion: 1, content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip })).toEqual({
      ok: false,
      reason: "not_editable",
    });
    expect((await listQuery("daerah=32.11")).practices.some((practice) => practice.id === id)).toBe(false);
    expect(await decideOnPractice({ practiceId: id, decision: "restore", comment: "", seenVersion: 1, actor: curator, ip })).toEqual({ ok: true, state: "published" });
  });
});

describe("content validation", () => {
  it("accepts framework indicators and refuses unknown ones", async () => {
    const known = String(await indicatorId(37));
    const values = (ids: string[]) => practiceFormValues(practiceFormData({}, ids.map((id) => ["indicatorIds", id])));
    expect((await validatePracticeContent(values([known]), "id")).ok).toBe(true);
    expect(await validatePracticeContent(values(["999999"]), "id")).toEqual({ ok: false, errors: { indicatorIds: { code: "indicatorUnknown" } } });
  });
});

describe("public list", () => {
  it("filters by indicator, stage and tag, and never lists drafts", async () => {
    const tte = await indicatorId(22);
    const { id: draftId } = await createPractice({
      regionCode: "32.11",
      content: practiceContent({ title: "Draf rahasia", tags: ["rahasia-draf"] }),
      submit: false,
      actorId: sumedangEditor.id,
      ip,
    });
    const { id } = await createPractice({
      regionCode: "32.11",
      content: practiceContent({ indicatorIds: [tte], stage: "uji_coba", tags: ["uji-tag-unik"] }),
      submit: true,
      actorId: sumedangEditor.id,
      ip,
    });
    await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip });

    expect((await listQuery("tag=uji-tag-unik")).practices.map((practice) => practice.id)).toEqual([id]);
    expect((await listQuery("tag=rahasia-draf")).total).toBe(0);
    expect((await listQuery("indikator=22&tahap=uji_coba")).practices.map((practice) => practice.id)).toContain(id);
    expect((await listQuery("indikator=22&tahap=direplikasi")).practices.map((practice) => practice.id)).not.toContain(id);
    expect((await listQuery("")).practices.map((practice) => practice.id)).not.toContain(draftId);
  });

  it("shows the seeded case studies, labelled, with Sumedang's practice most adopted", async () => {
    const all = await listQuery("");
    expect(all.total).toBeGreaterThanOrEqual(16);
    const seeded = await db().select({ id: practices.id }).from(practices).where(eq(practices.compiledFromPublicSources, true));
    expect(seeded).toHaveLength(16);
    const [top] = (await listQuery("urut=terbanyak-diadopsi")).practices;
    expect(top).toMatchObject({ regionCode: "32.11", adoptionCount: 1, compiledFromPublicSources: true });
  });

  it("counts every practice passing the filters on every page, and shows the last page for one past it", async () => {
    const [{ value: published }] = (await db().select({ value: count() }).from(practices).where(isPublicSql())) as [{ value: number }];
    const pageSize = 3;
    const listPage = (search: string) => listPublishedPractices(parsePracticeListQuery(new URLSearchParams(search), { provinceCodes: new Set(), regionCodes: new Set() }), pageSize);
    for (const sort of ["", "urut=terbanyak-diadopsi"]) {
      const first = await listPage(sort);
      expect(first).toMatchObject({ total: published, page: 1, pageCount: Math.ceil(published / pageSize) });
      expect(first.pageCount).toBeGreaterThan(2);
      const pages = await Promise.all(Array.from({ length: first.pageCount }, (_, index) => listPage(`${sort}&hal=${index + 1}`)));
      expect(pages.every((page) => page.total === published)).toBe(true);
      expect(new Set(pages.flatMap((page) => page.practices.map((practice) => practice.id))).size).toBe(published);
      expect(await listPage(`${sort}&hal=${first.pageCount + 5}`)).toEqual({ ...pages.at(-1), page: first.pageCount });
    }
    expect(await listPage("tag=tidak-ada-yang-memakai&hal=3")).toEqual({ total: 0, page: 1, pageCount: 1, practices: [] });
  });

  it("gives editors their own region's practices and curators the queue oldest first", async () => {
    const first = await createPractice({ regionCode: "33.16", content: practiceContent(), submit: true, actorId: bloraEditor.id, ip });
    const second = await createPractice({ regionCode: "33.16", content: practiceContent(), submit: true, actorId: bloraEditor.id, ip });
    const queue = await listWorkspacePractices(curator, { state: "submitted", province: null, region: "33.16", page: 1 });
    const ids = queue.practices.map((practice) => practice.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const editorView = await listWorkspacePractices(sumedangEditor, { state: null, province: null, region: "33.16", page: 1 });
    expect(editorView.practices.every((practice) => practice.regionName === "Kabupaten Sumedang")).toBe(true);
  });
});

describe("adoptions", () => {
  it("links an adopting practice to its source; both sides see it once the adopter is public", async () => {
    const sourceId = await publishedPractice("Sumber adopsi");
    const { id: adopterId } = await createPractice({ regionCode: "33.16", content: practiceContent({ title: "Pengadopsi" }), submit: true, actorId: bloraEditor.id, ip });
    expect(await recordAdoption({ adopterPracticeId: adopterId, sourcePracticeId: sourceId, sourceRegionCode: "99.99", note: "hibah", actorId: bloraEditor.id, ip })).toEqual({
      ok: true,
    });
    expect(await getAdoptedFrom(adopterId)).toMatchObject({ sourcePracticeId: sourceId, sourceRegionCode: "32.11", note: "hibah" });
    expect(await listAdoptersOf(sourceId)).toEqual([]);
    await decideOnPractice({ practiceId: adopterId, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip });
    expect((await listAdoptersOf(sourceId)).map((adopter) => adopter.practiceId)).toEqual([adopterId]);
    expect((await listPublicAdoptions("33.16")).some((edge) => edge.adopterPracticeId === adopterId && edge.sourceRegionCode === "32.11")).toBe(true);
  });

  it("refuses unpublished sources and the practice's own region", async () => {
    const { id: draftSource } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    const { id: adopterId } = await createPractice({ regionCode: "33.16", content: practiceContent(), submit: false, actorId: bloraEditor.id, ip });
    const base = { adopterPracticeId: adopterId, note: "", actorId: bloraEditor.id, ip };
    expect(await recordAdoption({ ...base, sourcePracticeId: draftSource, sourceRegionCode: "32.11" })).toEqual({
      ok: false,
      errors: { sourcePracticeId: { code: "practiceUnknown" } },
    });
    expect(await recordAdoption({ ...base, sourcePracticeId: null, sourceRegionCode: "33.16" })).toEqual({
      ok: false,
      errors: { sourceRegionCode: { code: "sourceSameRegion" } },
    });
    expect(await recordAdoption({ ...base, sourcePracticeId: null, sourceRegionCode: "32.11" })).toEqual({ ok: true });
  });

  it("seeds Blora's adoption of Sumedang's e-office and e-SAKIP", async () => {
    const edges = await listPublicAdoptions("33.16");
    expect(edges.some((edge) => edge.adopterRegionCode === "33.16" && edge.sourceRegionCode === "32.11" && edge.sourcePracticeId !== null)).toBe(true);
  });

  it("lists a region's adoptions on both ends, newest first, as the whole list does", async () => {
    const all = await listPublicAdoptions();
    // Blora adopted from Sumedang: Blora's list comes from the adopter's end, Sumedang's from the source's.
    expect(all.some((edge) => edge.adopterRegionCode === "33.16" && edge.sourceRegionCode === "32.11")).toBe(true);
    for (const code of ["33.16", "32.11"]) {
      const touching = all.filter((edge) => edge.adopterRegionCode === code || edge.sourceRegionCode === code);
      expect(await listPublicAdoptions(code)).toEqual(touching);
      expect(await listPublicAdoptions(code, 1)).toEqual(touching.slice(0, 1));
    }
  });
});

describe("questions", () => {
  it("lets members ask, the owning region's editors answer, and curators hide", async () => {
    const id = await publishedPractice();
    expect(await askQuestion({ practiceId: id, body: "Berapa biayanya?", actor: member, ip })).toEqual({ ok: true });
    const firstPage = { page: 1, questionId: null };
    const [question] = (await listQuestionPage(id, null, firstPage)).questions;
    expect(question).toMatchObject({ body: "Berapa biayanya?", hidden: false, answers: [] });
    expect(await answerQuestion({ practiceId: id, questionId: question!.id, body: "Dari APBD.", actor: bloraEditor })).toEqual({ ok: false, reason: "forbidden" });
    expect(await answerQuestion({ practiceId: id, questionId: question!.id, body: "Dari APBD.", actor: sumedangEditor })).toEqual({ ok: true });
    expect(await setPostHidden({ practiceId: id, postId: question!.id, hidden: true, actor: member, ip })).toEqual({ ok: false, reason: "forbidden" });
    expect(await setPostHidden({ practiceId: id, postId: question!.id, hidden: true, actor: curator, ip })).toEqual({ ok: true });
    const [hidden] = (await listQuestionPage(id, null, firstPage)).questions;
    expect(hidden).toMatchObject({ hidden: true, body: null, authorName: null });
    expect(hidden!.answers[0]?.body).toBe("Dari APBD.");
    expect((await listQuestionPage(id, curator, firstPage)).questions[0]?.body).toBe("Berapa biayanya?");
  });

  it("refuses questions on unpublished practices", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    expect(await askQuestion({ practiceId: id, body: "Halo?", actor: member, ip })).toEqual({ ok: false, reason: "not_found" });
  });
});

/** Smallest valid files of each kind, by their magic bytes. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2d4e1ae0000000049454e44ae426082", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("attachments", () => {
  it("stores images and PDFs detected from their content and adds them as a revision", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    const upload = (fileName: string, bytes: Uint8Array, baseVersion: number) =>
      uploadAttachment({ practiceId: id, baseVersion, fileName, bytes, actorId: sumedangEditor.id, ip });
    expect(await upload("foto.png", PNG, 1)).toEqual({ ok: true, state: "draft" });
    expect(await upload("../../laporan.pdf", PDF, 2)).toEqual({ ok: true, state: "draft" });
    const latest = await getRevision((await getPracticeHeader(id))!.latestRevisionId);
    expect(latest?.attachments.map((attachment) => [attachment.kind, attachment.fileName])).toEqual([
      ["image", "foto.png"],
      ["pdf", "laporan.pdf"],
    ]);
    const stored = await readAttachment(latest!.attachments[0]!.id, sumedangEditor);
    expect(Buffer.from(stored!.bytes).equals(PNG)).toBe(true);
    // Not published: hidden from visitors and other regions' editors.
    expect(await readAttachment(latest!.attachments[0]!.id, null)).toBeNull();
    expect(await readAttachment(latest!.attachments[0]!.id, bloraEditor)).toBeNull();
  });

  it("rejects a fake PDF, an executable and an SVG whatever their names say", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    const upload = (fileName: string, bytes: Uint8Array) => uploadAttachment({ practiceId: id, baseVersion: 1, fileName, bytes, actorId: sumedangEditor.id, ip });
    const invalid = { ok: false, error: { code: "fileTypeNotAllowed" } };
    expect(await upload("laporan.pdf", Buffer.from("ini bukan PDF, hanya teks"))).toEqual(invalid);
    expect(await upload("laporan.pdf", Buffer.from("4d5a90000300000004000000ffff0000", "hex"))).toEqual(invalid);
    expect(await upload("gambar.png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual(invalid);
    expect(await upload("kosong.pdf", new Uint8Array())).toEqual({ ok: false, error: { code: "fileRequired" } });
    expect((await getPracticeHeader(id))?.version).toBe(1);
  });

  it("does not keep an upload that lost a race with another save", async () => {
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    await savePracticeRevision({ practiceId: id, baseVersion: 1, content: practiceContent({ title: "Lebih dulu" }), submit: false, actorId: sumedangEditor.id, ip });
    expect(await uploadAttachment({ practiceId: id, baseVersion: 1, fileName: "foto.png", bytes: PNG, actorId: sumedangEditor.id, ip })).toEqual({
      ok: false,
      reason: "conflict",
      currentVersion: 2,
    });
    const latest = await getRevision((await getPracticeHeader(id))!.latestRevisionId);
    expect(latest?.attachments).toEqual([]);
  });
});
