import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applicationRequests, applications, notifications, practiceAdoptions } from "../../../db/schema";
import { indicatorId, practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { newFormToken } from "../forms/submit-once.server";
import type { ApplicationContent } from "./application-content";
import { createApplication, updateApplication } from "./application-commands.server";
import { getApplication, getRegionApplications, listApplicationUses, listCatalog } from "./catalog.server";
import { parseCatalogQuery } from "./catalog-query";
import { decideRequest, listRequests, REQUEST_PAGE_SIZE, requestApplication, requestPage } from "./requests.server";

const ip = "127.0.0.1";
let sumedangEditor: Actor;
let sumedangMember: Actor;
let bloraEditor: Actor;
let bloraMember: Actor;
let bojonegoroEditor: Actor;
let curator: Actor;
let sumedangPractice: number;
let bloraPractice: number;
let bojonegoroPractice: number;

beforeAll(async () => {
  [sumedangEditor, sumedangMember, bloraEditor, bloraMember, bojonegoroEditor, curator] = await Promise.all([
    testActor("editor", "32.11"),
    testActor("member", "32.11"),
    testActor("editor", "33.16"),
    testActor("member", "33.16"),
    testActor("editor", "35.22"),
    testActor("curator"),
  ]);
  // One after another: publishing takes locks (search outbox, notifications) that concurrent publications could deadlock on.
  sumedangPractice = await publishPractice(practiceContent({ title: `E-Office ${randomUUID()}` }), { editor: sumedangEditor, curator });
  bloraPractice = await publishPractice(practiceContent({ title: `Naskah dinas Blora ${randomUUID()}` }), { editor: bloraEditor, curator });
  bojonegoroPractice = await publishPractice(practiceContent({ title: `Naskah dinas Bojonegoro ${randomUUID()}` }), { editor: bojonegoroEditor, curator });
});

function content(overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return {
    name: `Aplikasi ${randomUUID()}`,
    function: "administrasi_perkantoran",
    description: "Naskah dinas elektronik untuk semua OPD.",
    indicatorIds: [],
    stack: ["PHP", "PostgreSQL"],
    hosting: "Pusat data daerah",
    terms: "hibah",
    licence: "",
    termsNote: "",
    documentationUrl: null,
    sourceUrl: null,
    practiceIds: [sumedangPractice],
    ...overrides,
  };
}

async function sumedangApplication(overrides: Partial<ApplicationContent> = {}) {
  const created = await createApplication({ regionCode: "32.11", content: content(overrides), actor: sumedangEditor, ip, formToken: null });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.id;
}

const requestFields = (adopterPracticeId: number) => ({ purpose: "Naskah dinas untuk semua OPD.", contact: "Budi, Diskominfo, 0812-0000", sourcePracticeId: sumedangPractice, adopterPracticeId });

const countRequests = async (applicationId: number) =>
  (await db().select({ value: count() }).from(applicationRequests).where(eq(applicationRequests.applicationId, applicationId)))[0]!.value;

describe("adding and editing applications", () => {
  it("keeps markup as text and refuses practices that are not the region's published ones", async () => {
    const xss = "<script>alert(1)</script>";
    const id = await sumedangApplication({ name: xss, description: xss });
    expect((await getApplication(id))?.name).toBe(xss);
    const forged = await createApplication({ regionCode: "32.11", content: content({ practiceIds: [bloraPractice] }), actor: sumedangEditor, ip, formToken: null });
    expect(forged).toEqual({ ok: false, errors: { practiceIds: { code: "practiceUnknown" } } });
    const badIndicator = await createApplication({ regionCode: "32.11", content: content({ indicatorIds: [-5] }), actor: sumedangEditor, ip, formToken: null });
    expect(badIndicator).toEqual({ ok: false, errors: { indicatorIds: { code: "indicatorUnknown" } } });
  });

  it("does not let an editor add to or edit another region's applications (forged ids)", async () => {
    const id = await sumedangApplication();
    const before = await getApplication(id);
    expect(await updateApplication({ id, content: content({ name: "Dibajak" }), actor: bloraEditor, ip })).toEqual({ ok: false, errors: { form: { code: "applicationNotAllowed" } } });
    expect(await createApplication({ regionCode: "32.11", content: content(), actor: bloraEditor, ip, formToken: null })).toMatchObject({ ok: false });
    expect(await getApplication(id)).toEqual(before);
    expect(await updateApplication({ id, content: content({ name: "Nama baru" }), actor: sumedangEditor, ip })).toEqual({ ok: true, id });
    expect((await getApplication(id))?.name).toBe("Nama baru");
  });

  it("creates once when the same form is sent twice", async () => {
    const formToken = newFormToken();
    const same = content();
    const first = await createApplication({ regionCode: "32.11", content: same, actor: sumedangEditor, ip, formToken });
    const second = await createApplication({ regionCode: "32.11", content: same, actor: sumedangEditor, ip, formToken });
    expect(second).toEqual(first);
    expect((await db().select({ value: count() }).from(applications).where(eq(applications.name, same.name)))[0]!.value).toBe(1);
  });
});

describe("requests", () => {
  it("request → approve records the adoption once, and both regions show it", async () => {
    const applicationId = await sumedangApplication();
    const formToken = newFormToken();
    const sent = await requestApplication({ applicationId, actor: bloraEditor, request: requestFields(bloraPractice), ip, formToken });
    expect(sent.ok).toBe(true);
    // A double submit answers with the same request.
    expect(await requestApplication({ applicationId, actor: bloraEditor, request: requestFields(bloraPractice), ip, formToken })).toEqual(sent);
    expect(await countRequests(applicationId)).toBe(1);
    const requestId = sent.ok ? sent.id : 0;

    // The requesting region cannot decide; the owner's editor can.
    const approve = { decision: "approve" as const, note: "Silakan.", requestId };
    expect(await decideRequest({ applicationId, decision: approve, actor: bloraEditor, ip, formToken: null })).toEqual({ ok: false, errors: { form: { code: "applicationNotAllowed" } } });
    const decisionToken = newFormToken();
    expect(await decideRequest({ applicationId, decision: approve, actor: sumedangEditor, ip, formToken: decisionToken })).toEqual({ ok: true, id: requestId });
    expect(await decideRequest({ applicationId, decision: approve, actor: sumedangEditor, ip, formToken: decisionToken })).toEqual({ ok: true, id: requestId });
    expect(await decideRequest({ applicationId, decision: approve, actor: sumedangEditor, ip, formToken: null })).toEqual({ ok: false, errors: { form: { code: "applicationAlreadyDecided" } } });

    // One notification per recipient: the owner's editor of the request, the requester of the approval.
    const notified = (kind: string) =>
      db()
        .select({ userId: notifications.userId, link: notifications.link })
        .from(notifications)
        .where(and(eq(notifications.kind, kind), eq(notifications.subjectId, String(requestId))));
    expect(await notified("applicationRequested")).toEqual(expect.arrayContaining([{ userId: sumedangEditor.id, link: `/aplikasi/${applicationId}#permintaan` }]));
    expect((await notified("applicationRequested")).filter((row) => row.userId === sumedangEditor.id)).toHaveLength(1);
    expect(await notified("applicationApproved")).toEqual([{ userId: bloraEditor.id, link: `/aplikasi/${applicationId}#permintaan` }]);

    const adoptions = await db().select().from(practiceAdoptions).where(eq(practiceAdoptions.adopterPracticeId, bloraPractice));
    expect(adoptions).toHaveLength(1);
    expect(adoptions[0]).toMatchObject({ sourcePracticeId: sumedangPractice, sourceRegionCode: "32.11" });
    expect((await listApplicationUses({ applicationId })).map((use) => use.regionCode)).toEqual(["33.16"]);
    expect((await getRegionApplications("33.16")).used.map((use) => use.applicationId)).toContain(applicationId);
    expect((await getRegionApplications("32.11")).shared.map((shared) => shared.id)).toContain(applicationId);

    const [row] = await listRequests(bloraMember, { applicationId });
    expect(row).toMatchObject({ status: "approved", decisionNote: "Silakan.", contact: "Budi, Diskominfo, 0812-0000", canDecide: false });
    // A third region's official does not see the request or its contact.
    expect(await listRequests(bojonegoroEditor, { applicationId })).toEqual([]);
  });

  it("decline needs nothing but a reason and records no adoption", async () => {
    const applicationId = await sumedangApplication();
    const sent = await requestApplication({ applicationId, actor: bojonegoroEditor, request: requestFields(bojonegoroPractice), ip, formToken: null });
    const requestId = sent.ok ? sent.id : 0;
    expect(await decideRequest({ applicationId, decision: { decision: "decline", note: "Belum dapat melayani.", requestId }, actor: sumedangEditor, ip, formToken: null })).toEqual({ ok: true, id: requestId });
    expect(await db().select().from(practiceAdoptions).where(eq(practiceAdoptions.adopterPracticeId, bojonegoroPractice))).toEqual([]);
    const [row] = await db().select().from(applicationRequests).where(eq(applicationRequests.id, requestId));
    expect(row).toMatchObject({ status: "declined", decisionNote: "Belum dapat melayani.", decidedById: sumedangEditor.id });
    const declined = await db().select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.kind, "applicationDeclined"), eq(notifications.subjectId, String(requestId))));
    expect(declined).toEqual([{ userId: bojonegoroEditor.id }]);
    // Once decided, the region may ask again.
    expect((await requestApplication({ applicationId, actor: bojonegoroEditor, request: requestFields(bojonegoroPractice), ip, formToken: null })).ok).toBe(true);
  });

  it("refuses the owner region, a second pending request, and practices that do not fit, changing nothing", async () => {
    const applicationId = await sumedangApplication();
    expect(await requestApplication({ applicationId, actor: sumedangMember, request: requestFields(sumedangPractice), ip, formToken: null })).toEqual({
      ok: false,
      errors: { form: { code: "applicationOwnRegion" } },
    });
    expect(await requestApplication({ applicationId, actor: curator, request: requestFields(bloraPractice), ip, formToken: null })).toMatchObject({ ok: false });
    // Another region's practice as the adopter, a practice the application does not support as the source.
    expect(await requestApplication({ applicationId, actor: bloraMember, request: requestFields(bojonegoroPractice), ip, formToken: null })).toEqual({
      ok: false,
      errors: { adopterPracticeId: { code: "applicationAdopterNotOwn" } },
    });
    expect(await requestApplication({ applicationId, actor: bloraMember, request: { ...requestFields(bloraPractice), sourcePracticeId: bojonegoroPractice }, ip, formToken: null })).toEqual({
      ok: false,
      errors: { sourcePracticeId: { code: "practiceUnknown" } },
    });
    expect(await countRequests(applicationId)).toBe(0);

    expect((await requestApplication({ applicationId, actor: bloraEditor, request: requestFields(bloraPractice), ip, formToken: null })).ok).toBe(true);
    expect(await requestApplication({ applicationId, actor: bloraMember, request: { ...requestFields(bloraPractice), purpose: "Lagi." }, ip, formToken: null })).toEqual({
      ok: false,
      errors: { form: { code: "applicationRequestPending" } },
    });
    expect(await countRequests(applicationId)).toBe(1);
  });

  it("refuses a request or approval that would overwrite the adopting practice's other source", async () => {
    const otherSource = await publishPractice(practiceContent({ title: `Sumber lain ${randomUUID()}` }), { editor: bojonegoroEditor, curator });
    const adopter = await publishPractice(practiceContent({ title: `Pengadopsi ${randomUUID()}` }), { editor: bloraEditor, curator });
    await db().insert(practiceAdoptions).values({ adopterPracticeId: adopter, sourcePracticeId: otherSource, sourceRegionCode: "35.22" });
    const applicationId = await sumedangApplication();
    expect(await requestApplication({ applicationId, actor: bloraEditor, request: requestFields(adopter), ip, formToken: null })).toEqual({
      ok: false,
      errors: { adopterPracticeId: { code: "applicationAdopterTaken" } },
    });
    expect(await db().select().from(practiceAdoptions).where(and(eq(practiceAdoptions.adopterPracticeId, adopter), eq(practiceAdoptions.sourcePracticeId, otherSource)))).toHaveLength(1);
  });
});

describe("a region's request lists", () => {
  it("page through more requests than a page holds, newest first, none twice; incoming ones only for the owner's editors", async () => {
    // Regions no other test uses, so these are all their requests.
    const [ownerEditor, ownerMember, requesterMember] = await Promise.all([testActor("editor", "36.04"), testActor("member", "36.04"), testActor("member", "36.72")]);
    const [application] = await db()
      .insert(applications)
      .values({ regionCode: "36.04", name: "Aplikasi berhalaman", function: "administrasi_perkantoran", description: "Uji", indicatorIds: [], terms: "hibah" })
      .returning({ id: applications.id });
    const total = REQUEST_PAGE_SIZE + 3;
    const inserted = await db()
      .insert(applicationRequests)
      .values(
        Array.from({ length: total }, (_, index) => ({
          applicationId: application!.id,
          requesterRegionCode: "36.72",
          requestedById: requesterMember.id,
          purpose: `Permintaan ${index}`,
          contact: "-",
          contactPurposeVersion: 1,
          // Decided ones: only one request per region may be pending.
          status: "declined" as const,
          createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
        })),
      )
      .returning({ id: applicationRequests.id });
    const newestFirst = inserted.map((row) => row.id).reverse();

    const [first, second] = await Promise.all([requestPage({ ...ownerEditor, regionCode: "36.04" }, "incoming", 1), requestPage({ ...ownerEditor, regionCode: "36.04" }, "incoming", 2)]);
    expect([first.pageCount, second.pageCount]).toEqual([2, 2]);
    expect(first.requests.map((row) => row.id)).toEqual(newestFirst.slice(0, REQUEST_PAGE_SIZE));
    expect(second.requests.map((row) => row.id)).toEqual(newestFirst.slice(REQUEST_PAGE_SIZE));
    const outgoing = await requestPage({ ...requesterMember, regionCode: "36.72" }, "outgoing", 2);
    expect(outgoing.requests.map((row) => row.id)).toEqual(newestFirst.slice(REQUEST_PAGE_SIZE));
    // The owner region's member reads neither its incoming requests nor their contacts.
    expect(await requestPage({ ...ownerMember, regionCode: "36.04" }, "incoming", 1)).toEqual({ requests: [], page: 1, pageCount: 1 });
  });
});

describe("catalog", () => {
  const query = (search: string) => listCatalog(parseCatalogQuery(new URLSearchParams(search), { provinceCodes: new Set(["32", "33", "35"]) }));

  it("filters by function, indicator, province, technology and text, and pages", async () => {
    const marker = `Penanda${randomUUID().slice(0, 8)}`;
    const indicator = await indicatorId(41);
    const id = await sumedangApplication({ name: `SIMPEG ${marker}`, function: "kepegawaian", stack: ["Golang", "MariaDB"], indicatorIds: [indicator] });
    const found = (result: Awaited<ReturnType<typeof query>>) => result.applications.some((application) => application.id === id);
    expect(found(await query(`q=${marker}&fungsi=kepegawaian&indikator=41&provinsi=32&teknologi=golang`))).toBe(true);
    expect(found(await query(`q=${marker}&fungsi=pengaduan`))).toBe(false);
    expect(found(await query(`q=${marker}&provinsi=33`))).toBe(false);
    expect(found(await query(`q=${marker}&teknologi=PHP`))).toBe(false);
    expect(found(await query(`q=${marker}&indikator=1`))).toBe(false);
    // Any input is a search, never a syntax error.
    expect((await query(`q=${encodeURIComponent("'\"&|!(:*<>")}`)).total).toBeGreaterThanOrEqual(0);
    expect((await query("hal=9999")).page).toBeGreaterThanOrEqual(1);
  });

  it("has Sumedang's e-office from the seed, used by Blora through its recorded adoption", async () => {
    const result = await query("q=e-office&provinsi=32&fungsi=administrasi_perkantoran");
    const eOffice = result.applications.find((application) => application.name === "E-Office Kabupaten Sumedang");
    expect(eOffice).toMatchObject({ regionCode: "32.11", terms: "hibah" });
    expect((await listApplicationUses({ applicationId: eOffice!.id })).map((use) => use.regionCode)).toContain("33.16");
  });
});
