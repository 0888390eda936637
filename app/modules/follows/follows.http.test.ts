/**
 * The follow form over HTTP: visitors are asked to sign in, bad targets are a message, a user id
 * in the form is ignored, a double submit is one follow, the way back stays on the site; nothing
 * bad is stored and nothing answers 500.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { follows } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";

let app: Awaited<ReturnType<typeof startTestApp>>;
let member: Awaited<ReturnType<typeof createSignedInUser>>;
let other: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  [member, other] = await Promise.all([createSignedInUser("member", "33.16"), createSignedInUser("member", "33.17")]);
  app = await startTestApp();
});
afterAll(() => app.close());

const followsOf = (userId: number) => db().select({ type: follows.targetType, key: follows.targetKey }).from(follows).where(eq(follows.userId, userId));
const post = (form: Record<string, string>, cookie?: string) => request(app.origin, "/ikuti", { form: { intent: "ikuti", kembali: "/daerah/32.11", ...form }, cookie });

it("asks a visitor to sign in and come back, and stores nothing", async () => {
  const before = await db().select({ id: follows.id }).from(follows);
  const response = await post({ jenis: "daerah", kunci: "32.11" });
  expect(response.status).toBe(401);
  const html = await response.text();
  expect(html).toContain("Masuk dulu untuk mengikuti daerah, indikator, atau tag.");
  expect(html).toContain(`href="/masuk?redirectTo=${encodeURIComponent("/daerah/32.11")}"`);
  expect(await db().select({ id: follows.id }).from(follows)).toHaveLength(before.length);
});

it("answers unknown regions, indicators, types and tags, markup and 10,000 characters with a message", async () => {
  const cases: [Record<string, string>, string][] = [
    [{ jenis: "daerah", kunci: "99.99" }, "Daerah itu tidak dikenal."],
    [{ jenis: "indikator", kunci: "48" }, "Indikator itu tidak dikenal"],
    [{ jenis: "pengguna", kunci: String(other.id) }, "Hanya daerah, indikator SPBE 2020, atau tag yang dapat diikuti."],
    [{ jenis: "tag", kunci: "<img src=x onerror=alert(1)>" }, "Tag itu tidak dikenal"],
    [{ jenis: "tag", kunci: "t".repeat(10_000) }, "Tag itu tidak dikenal"],
  ];
  for (const [form, message] of cases) {
    const response = await post(form, member.cookie);
    expect(response.status, JSON.stringify(form).slice(0, 80)).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html).not.toContain("<img src=x");
  }
  expect(await followsOf(member.id)).toEqual([]);
});

it("follows for the signed-in user whatever user id the form names, once however often it is sent, and goes back", async () => {
  const forged = { jenis: "daerah", kunci: "32.11", userId: String(other.id), user_id: String(other.id) };
  const responses = await Promise.all([post(forged, member.cookie), post(forged, member.cookie)]);
  for (const response of responses) {
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/daerah/32.11");
  }
  expect(await followsOf(member.id)).toEqual([{ type: "region", key: "32.11" }]);
  expect(await followsOf(other.id)).toEqual([]);

  // The region page now offers to stop; the feed lists it.
  expect(await (await request(app.origin, "/daerah/32.11", { cookie: member.cookie })).text()).toContain("Berhenti mengikuti");
  expect(await (await request(app.origin, "/umpan-saya", { cookie: member.cookie })).text()).toContain("Kabupaten Sumedang");
  // A forged or stale page key is the newest page, never an error.
  for (const key of ["x", "2026-12-01T00:00:00.000000Z~hapus~1", "9999-99-99T99:99:99.999999Z~practice~1", "'; drop table follows; --"]) {
    const page = await request(app.origin, `/umpan-saya?sebelum=${encodeURIComponent(key)}`, { cookie: member.cookie });
    expect(page.status, key).toBe(200);
    expect(await page.text()).toContain("Kabupaten Sumedang");
  }

  const stopped = await post({ intent: "berhenti", jenis: "daerah", kunci: "32.11" }, member.cookie);
  expect(stopped.status).toBe(302);
  expect(await followsOf(member.id)).toEqual([]);
});

it("goes back only to a path on this site", async () => {
  for (const kembali of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
    const response = await post({ jenis: "indikator", kunci: "1", kembali }, member.cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/umpan-saya");
  }
  const unicode = await post({ jenis: "indikator", kunci: "1", kembali: "/praktik?tag=layanan publik ✓" }, member.cookie);
  expect(unicode.headers.get("location")).toBe("/praktik?tag=layanan%20publik%20%E2%9C%93");
  const rows = await db().select().from(follows).where(and(eq(follows.userId, member.id), eq(follows.targetType, "indicator")));
  expect(rows).toHaveLength(1);
});

it("shows the feed only to signed-in users", async () => {
  const response = await request(app.origin, "/umpan-saya");
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe(`/masuk?redirectTo=${encodeURIComponent("/umpan-saya")}`);
});
