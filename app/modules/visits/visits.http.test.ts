import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rateLimitCounters, visits } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, publishPractice } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { FORM_TOKEN_FIELD } from "../forms/form-token";
import { jakartaToday } from "./visit-form.server";

/**
 * The study visit pages over real HTTP: bad input is a message next to its field with the input
 * kept and nothing stored (never a 5xx), markup is escaped, a double submit creates one visit,
 * forged ids of other regions' visits change nothing, open requests stay private.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let sumedang: Awaited<ReturnType<typeof createSignedInUser>>;
let blora: Awaited<ReturnType<typeof createSignedInUser>>;
let bojonegoro: Awaited<ReturnType<typeof createSignedInUser>>;
let practiceId: number;
const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function inDays(days: number) {
  const date = new Date(`${jakartaToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

let day = 400;
function requestForm(fields: Record<string, string> = {}) {
  const start = inDays(day++);
  const form = new URLSearchParams({ hostRegionCode: "32.11", purpose: "Belajar e-office", startDate: start, endDate: start, participants: "12", contact: "Sri, 0812", contactConsent: "on", ...fields });
  if (!("praktik" in fields)) form.append("praktik", String(practiceId));
  return form;
}

const visitCount = async () => (await db().select({ id: visits.id }).from(visits)).length;

beforeAll(async () => {
  let curator;
  [sumedang, blora, bojonegoro, curator] = await Promise.all([
    createSignedInUser("editor", "32.11"),
    createSignedInUser("editor", "33.16"),
    createSignedInUser("editor", "35.22"),
    createSignedInUser("curator"),
  ]);
  practiceId = await publishPractice(practiceContent({ title: "E-Office Sumedang" }), {
    editor: { id: sumedang.id, role: "editor", regionCode: "32.11" },
    curator: { id: curator.id, role: "curator", regionCode: null },
  });
  app = await startTestApp();
}, 120_000);
afterAll(() => app.close());
afterEach(() => db().delete(rateLimitCounters));

describe("requesting a visit over HTTP", () => {
  it("answers bad input with the message next to the field, the input kept and nothing stored", async () => {
    const before = await visitCount();
    const cases: [string, Record<string, string>, string][] = [
      ["own region", {}, "Studi tiru diajukan ke daerah lain, bukan ke daerah Anda sendiri."],
      ["past date", { startDate: inDays(-1) }, "Tanggal ini sudah lewat."],
      ["reversed dates", { startDate: inDays(20), endDate: inDays(19) }, "Tanggal selesai tidak boleh sebelum tanggal mulai."],
      ["zero participants", { participants: "0" }, "Masukkan angka antara 1 dan 500."],
      ["fraction", { participants: "2,5" }, "Masukkan bilangan bulat."],
      ["no consent", { contactConsent: "" }, "Centang persetujuan orang yang dihubungi"],
      ["unknown practice", { praktik: "2000000000" }, "Praktik ini tidak ditemukan atau belum terbit."],
      ["not an id", { praktik: XSS }, "Praktik ini tidak ditemukan atau belum terbit."],
      ["markup in every field", { purpose: XSS, contact: XSS, participants: XSS, startDate: XSS, endDate: XSS }, "Masukkan tanggal yang ada"],
    ];
    for (const [label, fields, message] of cases) {
      const cookie = label === "own region" ? sumedang.cookie : blora.cookie;
      const response = await request(app.origin, `/kunjungan/baru?praktik=${practiceId}`, { cookie, form: requestForm(fields) });
      const html = await response.text();
      expect(response.status, label).toBe(400);
      expect(html, label).toContain(message);
      expect(html, label).not.toContain("<script>alert");
      if (fields.purpose) expect(html, label).toContain("&lt;script&gt;alert");
    }
    expect(await visitCount()).toBe(before);
  });

  it("creates one visit from a double submit and shows markup as text", async () => {
    const form = requestForm({ purpose: XSS, [FORM_TOKEN_FIELD]: "c".repeat(32) });
    const [first, second] = await Promise.all([1, 2].map(() => request(app.origin, "/kunjungan/baru?daerah=32.11", { cookie: blora.cookie, form })));
    expect(first!.status).toBe(302);
    expect(second!.status).toBe(302);
    expect(second!.headers.get("location")).toBe(first!.headers.get("location"));
    const page = await (await request(app.origin, first!.headers.get("location")!, { cookie: sumedang.cookie })).text();
    expect(page).toContain("&lt;script&gt;alert");
    expect(page).not.toContain("<script>alert");
    const rows = await db().select().from(visits).where(and(eq(visits.visitorRegionCode, "33.16"), eq(visits.purpose, XSS)));
    expect(rows).toHaveLength(1);
  });
});

describe("a visit's page over HTTP", () => {
  async function newVisit() {
    const response = await request(app.origin, "/kunjungan/baru?daerah=32.11", { cookie: blora.cookie, form: requestForm() });
    expect(response.status).toBe(302);
    return response.headers.get("location")!;
  }

  it("keeps open requests from other regions and visitors, and forged steps change nothing", async () => {
    const path = await newVisit();
    for (const cookie of [undefined, bojonegoro.cookie]) {
      expect((await request(app.origin, path, { cookie })).status).toBe(404);
      expect((await request(app.origin, `${path}/kalender.ics`, { cookie })).status).toBe(404);
    }
    const forged = await request(app.origin, path, { cookie: bojonegoro.cookie, form: { langkah: "accept", startDate: inDays(30), endDate: inDays(30) } });
    expect(forged.status).toBeLessThan(500);
    const wrongSide = await request(app.origin, path, { cookie: sumedang.cookie, form: { langkah: "acceptDates" } });
    expect(wrongSide.status).toBe(400);
    expect(await wrongSide.text()).toContain("Langkah ini tidak tersedia pada status kunjungan saat ini.");
    const unknownStep = await request(app.origin, path, { cookie: sumedang.cookie, form: { langkah: XSS } });
    expect(unknownStep.status).toBe(400);
    const badDates = await request(app.origin, path, { cookie: sumedang.cookie, form: { langkah: "accept", startDate: inDays(5), endDate: inDays(4) } });
    expect(badDates.status).toBe(400);
    expect(await badDates.text()).toContain("Tanggal selesai tidak boleh sebelum tanggal mulai.");
    const id = Number(path.split("/").at(-1));
    expect((await db().select({ status: visits.status }).from(visits).where(eq(visits.id, id)))[0]!.status).toBe("requested");
  });

  it("serves an accepted visit's calendar as an all-day event without the contact", async () => {
    const path = await newVisit();
    const accepted = await request(app.origin, path, { cookie: sumedang.cookie, form: { langkah: "accept", startDate: inDays(50), endDate: inDays(51) } });
    expect(accepted.status).toBe(302);
    const calendar = await request(app.origin, `${path}/kalender.ics`);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await calendar.text();
    expect(text).toContain(`DTSTART;VALUE=DATE:${inDays(50).replaceAll("-", "")}`);
    expect(text).toContain(`DTEND;VALUE=DATE:${inDays(52).replaceAll("-", "")}`);
    expect(text).not.toContain("0812");
    const publicPage = await (await request(app.origin, path)).text();
    expect(publicPage).toContain("Diterima");
    expect(publicPage).not.toContain("0812");
  });
});
