import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, visitEvents, visits } from "../../../db/schema";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { createPractice, recordAdoption } from "../practices/index.server";
import { visitCalendar } from "./visit-calendar.server";
import { jakartaToday, type VisitDecision } from "./visit-form.server";
import { decideOnVisit, getVisit, listVisits, requestVisit, VISIT_PAGE_SIZE, visitPage, type VisitResult } from "./visits.server";

const ip = "127.0.0.1";
let sumedangEditor: Actor;
let bloraEditor: Actor;
let bloraMember: Actor;
let bojonegoroEditor: Actor;
let curator: Actor;
let eOffice: number;
let bloraPractice: number;

function daysFromToday(days: number): string {
  const date = new Date(`${jakartaToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Distinct start dates, so one test's open request never blocks another's. */
let nextDay = 10;
function request(actor: Actor, overrides: Partial<Parameters<typeof requestVisit>[0]> = {}) {
  const startDate = daysFromToday(nextDay++);
  return requestVisit({
    hostRegionCode: "32.11",
    practiceIds: [eOffice],
    purpose: "Belajar e-office",
    participants: 12,
    startDate,
    endDate: startDate,
    contact: "Budi, Diskominfo Blora, 0812",
    actor,
    ip,
    formToken: randomUUID().replace(/-/g, "").slice(0, 32),
    ...overrides,
  });
}

async function requested(actor = bloraEditor): Promise<number> {
  const result = await request(actor);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

function decide(visitId: number, actor: Actor, decision: VisitDecision, today = jakartaToday()): Promise<VisitResult> {
  return decideOnVisit({ visitId, decision, actor, ip, formToken: null, today });
}

const statusOf = async (id: number) => (await db().select({ status: visits.status }).from(visits).where(eq(visits.id, id)))[0]!.status;
const eventsOf = async (id: number) => (await db().select().from(visitEvents).where(eq(visitEvents.visitId, id)).orderBy(visitEvents.id)).map((event) => event.kind);
const visitCount = async () => (await db().select({ id: visits.id }).from(visits)).length;

beforeAll(async () => {
  [sumedangEditor, bloraEditor, bloraMember, bojonegoroEditor, curator] = await Promise.all([
    testActor("editor", "32.11"),
    testActor("editor", "33.16"),
    testActor("member", "33.16"),
    testActor("editor", "35.22"),
    testActor("curator"),
  ]);
  eOffice = await publishPractice(practiceContent({ title: `E-Office ${randomUUID()}` }), { editor: sumedangEditor, curator });
  bloraPractice = await publishPractice(practiceContent({ title: `Adopsi e-office ${randomUUID()}` }), { editor: bloraEditor, curator });
});

describe("requesting a study visit", () => {
  it("records the request with its practices, a 'requested' event and an audit entry", async () => {
    const id = await requested(bloraMember);
    const visit = await getVisit(id, bloraMember);
    expect(visit).toMatchObject({ status: "requested", hostRegionCode: "32.11", visitorRegionCode: "33.16", participants: 12, practices: [{ id: eOffice }] });
    expect(visit!.request).toMatchObject({ contact: "Budi, Diskominfo Blora, 0812", contactPurposeVersion: 1, events: [{ kind: "requested" }] });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, "visit.requested"), eq(auditLog.targetId, String(id))));
    expect(audit).toHaveLength(1);
  });

  it("refuses a request to the account's own region, next to the region, storing nothing", async () => {
    const before = await visitCount();
    expect(await request(sumedangEditor)).toEqual({ ok: false, errors: { hostRegionCode: { code: "visitSameRegion" } } });
    expect(await request(curator)).toEqual({ ok: false, errors: { hostRegionCode: { code: "visitRequestNotAllowed" } } });
    expect(await visitCount()).toBe(before);
  });

  it("refuses unknown, unpublished and other regions' practices", async () => {
    const { id: draft } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: sumedangEditor.id, ip });
    const before = await visitCount();
    for (const practiceIds of [[2_000_000_000], [draft], [bloraPractice], [eOffice, bloraPractice]]) {
      expect(await request(bloraEditor, { practiceIds }), String(practiceIds)).toEqual({ ok: false, errors: { praktik: { code: "practiceUnknown" } } });
    }
    expect(await request(bloraEditor, { hostRegionCode: "99.99" })).toEqual({ ok: false, errors: { hostRegionCode: { code: "regionUnknown" } } });
    expect(await visitCount()).toBe(before);
  });

  it("answers a double submit with the first visit, and refuses a second open request for the same start date", async () => {
    const formToken = "a".repeat(32);
    const first = await request(bloraEditor, { formToken, startDate: daysFromToday(200), endDate: daysFromToday(201) });
    const replay = await request(bloraEditor, { formToken, startDate: daysFromToday(200), endDate: daysFromToday(201) });
    expect(first.ok && replay).toEqual(first);
    const again = await request(bloraEditor, { startDate: daysFromToday(200), endDate: daysFromToday(202) });
    expect(again).toEqual({ ok: false, errors: { startDate: { code: "visitOpenExists" } } });
    const rows = await db().select().from(visits).where(and(eq(visits.visitorRegionCode, "33.16"), eq(visits.startDate, daysFromToday(200))));
    expect(rows).toHaveLength(1);
  });

  it("stores markup as text, never as markup, and escapes it in the calendar", async () => {
    const xss = `<script>alert(1)</script>"'><img src=x onerror=alert(1)>`;
    const result = await request(bloraEditor, { purpose: xss, contact: xss });
    if (!result.ok) throw new Error("not stored");
    const visit = await getVisit(result.id, bloraEditor);
    expect(visit).toMatchObject({ purpose: xss, request: { contact: xss } });
    expect(await decide(result.id, sumedangEditor, { step: "decline", reason: xss })).toEqual({ ok: true, id: result.id });
    expect((await getVisit(result.id, bloraEditor))!.request!.events.at(-1)!.note).toBe(xss);
    // Text that tries to add a calendar property stays inside its own (escaped) line.
    const calendar = visitCalendar({ ...visit!, practices: [{ title: "E-Office\nATTENDEE:mailto:x@example.com" }] }, "https://idsl.example.go.id/kunjungan/1", (key) => key);
    expect(calendar).not.toMatch(/^ATTENDEE/m);
    expect(calendar).toContain("DESCRIPTION:• E-Office\\nATTENDEE:mailto:x@example.com");
  });
});

describe("answering a study visit", () => {
  it("accept: the host's editor agrees on dates; Blora can then withdraw until it starts", async () => {
    const id = await requested();
    const [start, end] = [daysFromToday(40), daysFromToday(41)];
    expect(await decide(id, sumedangEditor, { step: "accept", startDate: start, endDate: end })).toEqual({ ok: true, id });
    expect(await getVisit(id, null)).toMatchObject({ status: "accepted", startDate: start, endDate: end, request: null });
    expect(await eventsOf(id)).toEqual(["requested", "accepted"]);
    const published = visitCalendar((await getVisit(id, null))!, "https://idsl.example.go.id/kunjungan/1", (key) => key);
    expect(await decide(id, bloraEditor, { step: "withdraw" })).toEqual({ ok: true, id });
    expect(await statusOf(id)).toBe("withdrawn");
    // Agreed, it was public: it stays so, and whoever saved it to a calendar fetches its cancellation, as after the host's cancel.
    const visit = await getVisit(id, null);
    expect(visit).toMatchObject({ status: "withdrawn", request: null });
    expect((await listVisits(null, { regionCode: "32.11" })).map((listed) => listed.id)).toContain(id);
    const withdrawn = visitCalendar(visit!, "https://idsl.example.go.id/kunjungan/1", (key) => key);
    expect(withdrawn).toMatch(/^METHOD:CANCEL\r?$/m);
    expect(withdrawn).toMatch(/^STATUS:CANCELLED\r?$/m);
    expect(withdrawn).toMatch(/^SEQUENCE:1\r?$/m);
    expect(withdrawn.match(/^UID:.*$/m)![0]).toBe(published.match(/^UID:.*$/m)![0]);
  });

  it("propose dates, then the requester accepts them", async () => {
    const id = await requested(bloraMember);
    const [start, end] = [daysFromToday(60), daysFromToday(62)];
    expect(await decide(id, sumedangEditor, { step: "proposeDates", startDate: start, endDate: end })).toEqual({ ok: true, id });
    expect(await statusOf(id)).toBe("dates_proposed");
    expect(await decide(id, bloraMember, { step: "acceptDates" })).toEqual({ ok: true, id });
    const visit = await getVisit(id, bloraEditor);
    expect(visit).toMatchObject({ status: "accepted", startDate: start, endDate: end });
    expect(visit!.request!.events.map((event) => [event.kind, event.startDate])).toEqual([
      ["requested", expect.any(String)],
      ["dates_proposed", start],
      ["dates_accepted", start],
    ]);
  });

  it("decline with a reason, and withdraw an open request", async () => {
    const declined = await requested();
    expect(await decide(declined, sumedangEditor, { step: "decline", reason: "Jadwal bupati penuh." })).toEqual({ ok: true, id: declined });
    expect((await getVisit(declined, bloraEditor))!.request!.events.at(-1)).toMatchObject({ kind: "declined", note: "Jadwal bupati penuh." });
    const withdrawn = await requested();
    expect(await decide(withdrawn, bloraEditor, { step: "withdraw" })).toEqual({ ok: true, id: withdrawn });
    expect(await statusOf(withdrawn)).toBe("withdrawn");
    // Never agreed, never public: a withdrawn request stays between the two regions.
    expect(await getVisit(withdrawn, null)).toBeNull();
    expect((await listVisits(null, { regionCode: "32.11" })).map((listed) => listed.id)).not.toContain(withdrawn);
  });

  it("refuses steps of the wrong side, of other regions (forged ids) and after the end, changing nothing", async () => {
    const id = await requested();
    const accept = { step: "accept", startDate: daysFromToday(70), endDate: daysFromToday(70) } as const;
    for (const [actor, decision] of [
      [bloraEditor, accept],
      [bojonegoroEditor, accept],
      [bojonegoroEditor, { step: "withdraw" }],
      [curator, accept],
      [sumedangEditor, { step: "withdraw" }],
      [sumedangEditor, { step: "acceptDates" }],
    ] as const) {
      expect(await decide(id, actor, decision)).toEqual({ ok: false, errors: { form: { code: "visitStepNotAllowed" } } });
    }
    expect(await decide(2_000_000_000, sumedangEditor, accept)).toEqual({ ok: false, errors: { form: { code: "visitStepNotAllowed" } } });
    expect(await eventsOf(id)).toEqual(["requested"]);
    await decide(id, sumedangEditor, { step: "decline", reason: "Tidak bisa." });
    expect(await decide(id, sumedangEditor, accept)).toEqual({ ok: false, errors: { form: { code: "visitStepNotAllowed" } } });
    expect(await statusOf(id)).toBe("declined");
  });

  it("shows open requests only to both regions and Kemendagri, accepted ones to everyone without the contact", async () => {
    const id = await requested();
    for (const actor of [null, bojonegoroEditor]) {
      expect(await getVisit(id, actor)).toBeNull();
      expect((await listVisits(actor, { regionCode: "32.11" })).map((visit) => visit.id)).not.toContain(id);
    }
    for (const actor of [bloraEditor, sumedangEditor, curator]) expect((await listVisits(actor, { regionCode: "33.16" })).map((visit) => visit.id)).toContain(id);
    await decide(id, sumedangEditor, { step: "accept", startDate: daysFromToday(80), endDate: daysFromToday(80) });
    expect((await listVisits(null, { regionCode: "33.16" })).map((visit) => visit.id)).toContain(id);
    expect(await getVisit(id, bojonegoroEditor)).toMatchObject({ status: "accepted", request: null });
  });
});

describe("cancelling an accepted visit", () => {
  it("the host's editor cancels with a reason: the history shows it, the visiting side no longer can act, the calendar becomes a cancellation", async () => {
    const id = await requested();
    const start = daysFromToday(100);
    await decide(id, sumedangEditor, { step: "accept", startDate: start, endDate: start });
    const published = visitCalendar((await getVisit(id, null))!, "https://idsl.example.go.id/kunjungan/1", (key) => key);
    expect(published).toMatch(/^METHOD:PUBLISH\r?$/m);
    expect(published).toMatch(/^STATUS:CONFIRMED\r?$/m);

    expect(await decide(id, sumedangEditor, { step: "cancel", reason: "Banjir di Sumedang." })).toEqual({ ok: true, id });
    expect(await statusOf(id)).toBe("cancelled");
    expect((await getVisit(id, bloraEditor))!.request!.events.at(-1)).toMatchObject({ kind: "cancelled", note: "Banjir di Sumedang.", actorName: expect.any(String) });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, "visit.cancelled"), eq(auditLog.targetId, String(id))));
    expect(audit).toHaveLength(1);
    // Once public, still public: whoever saved it to a calendar fetches the cancellation.
    const visit = await getVisit(id, null);
    expect(visit).toMatchObject({ status: "cancelled", request: null });
    const cancelled = visitCalendar(visit!, "https://idsl.example.go.id/kunjungan/1", (key) => key);
    expect(cancelled).toMatch(/^METHOD:CANCEL\r?$/m);
    expect(cancelled).toMatch(/^STATUS:CANCELLED\r?$/m);
    expect(cancelled).toMatch(/^SEQUENCE:1\r?$/m);
    // The same event: calendars match a cancellation to what they hold by its UID.
    expect(cancelled.match(/^UID:.*$/m)![0]).toBe(published.match(/^UID:.*$/m)![0]);
    for (const decision of [{ step: "withdraw" }, { step: "complete", lessons: "x", adopterPracticeId: null }] as const) {
      expect(await decide(id, bloraEditor, decision, start)).toEqual({ ok: false, errors: { form: { code: "visitStepNotAllowed" } } });
    }
  });

  it("refuses cancelling for the visiting side, another region, a curator, an open request and a past visit, changing nothing", async () => {
    const id = await requested();
    const start = daysFromToday(110);
    const cancel = { step: "cancel", reason: "Darurat." } as const;
    const refused = { ok: false, errors: { form: { code: "visitStepNotAllowed" } } };
    expect(await decide(id, sumedangEditor, cancel)).toEqual(refused);
    await decide(id, sumedangEditor, { step: "accept", startDate: start, endDate: start });
    for (const actor of [bloraEditor, bloraMember, bojonegoroEditor, curator]) expect(await decide(id, actor, cancel)).toEqual(refused);
    // After the first day the visit has taken place: it can no longer be cancelled.
    expect(await decide(id, sumedangEditor, cancel, daysFromToday(111))).toEqual(refused);
    expect(await eventsOf(id)).toEqual(["requested", "accepted"]);
    expect(await statusOf(id)).toBe("accepted");
  });
});

describe("the list of visits", () => {
  it("pages through more visits than a page holds, each page full of visits the viewer may see, none twice", async () => {
    // Dates later than any other test's, so these come first (latest first) on /kunjungan.
    const day = (index: number) => `2099-${String(1 + Math.floor(index / 28)).padStart(2, "0")}-${String(1 + (index % 28)).padStart(2, "0")}`;
    const visit = (index: number, status: "accepted" | "requested") => ({
      hostRegionCode: "32.11",
      visitorRegionCode: "33.16",
      requestedById: bloraMember.id,
      purpose: `Halaman ${index}`,
      participants: 3,
      startDate: day(index),
      endDate: day(index),
      status,
      contact: "-",
      contactPurposeVersion: 1,
    });
    // Open requests (seen by both regions only) between the public ones, as many as half a page.
    const count = VISIT_PAGE_SIZE + 5;
    const rows = await db()
      .insert(visits)
      .values(Array.from({ length: count + 12 }, (_, index) => visit(index, index % 3 === 2 ? "requested" : "accepted")))
      .returning({ id: visits.id, status: visits.status, startDate: visits.startDate });
    const latestFirst = (status?: string) => rows.filter((row) => !status || row.status === status).sort((a, b) => (a.startDate < b.startDate ? 1 : -1)).map((row) => row.id);

    const [first, second] = [await visitPage(null, 1), await visitPage(null, 2)];
    expect(first.visits).toHaveLength(VISIT_PAGE_SIZE);
    expect(first.pageCount).toBeGreaterThan(1);
    const publicOnes = latestFirst("accepted");
    expect([...first.visits, ...second.visits].map((row) => row.id).slice(0, publicOnes.length)).toEqual(publicOnes);
    // The visiting region's member who asked sees the open requests too, in the same order.
    const asked = await visitPage(bloraMember, 1);
    expect(asked.visits.map((row) => row.id)).toEqual(latestFirst().slice(0, VISIT_PAGE_SIZE));
    // Another region's editor sees only public ones, still a full page.
    expect((await visitPage(bojonegoroEditor, 1)).visits.map((row) => row.id)).toEqual(publicOnes.slice(0, VISIT_PAGE_SIZE));
    await db().delete(visits).where(inArray(visits.id, rows.map((row) => row.id)));
  });
});

describe("after the visit", () => {
  it("records what was learned and links an adoption of the visiting region from the host", async () => {
    const id = await requested();
    const start = daysFromToday(90);
    await decide(id, sumedangEditor, { step: "accept", startDate: start, endDate: start });
    // Before the first day there is nothing to record yet.
    expect(await decide(id, bloraEditor, { step: "complete", lessons: "x", adopterPracticeId: null })).toEqual({ ok: false, errors: { form: { code: "visitStepNotAllowed" } } });
    const adopted = await recordAdoption({ adopterPracticeId: bloraPractice, sourcePracticeId: eOffice, sourceRegionCode: "32.11", note: "", actorId: bloraEditor.id, ip });
    expect(adopted.ok).toBe(true);
    // Another region's adoption (Sumedang's own practice) cannot be linked.
    expect(await decide(id, bloraEditor, { step: "complete", lessons: "Naskah dinas elektronik", adopterPracticeId: eOffice }, start)).toEqual({ ok: false, errors: { adopsi: { code: "practiceUnknown" } } });
    expect(await statusOf(id)).toBe("accepted");
    expect(await decide(id, bloraEditor, { step: "complete", lessons: "Naskah dinas elektronik", adopterPracticeId: bloraPractice }, start)).toEqual({ ok: true, id });
    expect(await getVisit(id, null)).toMatchObject({ status: "completed", lessons: "Naskah dinas elektronik", adopterPracticeId: bloraPractice, adopterTitle: expect.stringContaining("Adopsi e-office") });
    expect(await decide(id, sumedangEditor, { step: "complete", lessons: "y", adopterPracticeId: null }, start)).toEqual({ ok: false, errors: { form: { code: "visitStepNotAllowed" } } });
  });
});

