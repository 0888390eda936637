import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworks, publishedResults, regionProfiles } from "../../../db/schema";
import { upsertSource } from "../../../db/sources";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { invalidateBenchmarkData } from "./benchmark-data.server";
import { db } from "../db.server";
import { SPBE_2020 } from "../frameworks/index.server";
import { serializeLocaleCookie } from "../i18n/locale.server";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../http/cache-policy.server";
import { startServerProcess } from "../../../tests/support/server-process";

/**
 * The web process's cache of anonymous responses (decision 0032) over real HTTP: a repeat
 * anonymous read is answered from memory (counted on /metrics, not timed), languages and
 * signed-in readers are kept apart, and a write through this server or another, or a change
 * another process announces, makes the next read fresh on both. The second server is a process
 * of its own on the same database, as another app server behind a load balancer would be.
 */
const TOKEN = "metrics-token-for-the-cache-test";
let app: Awaited<ReturnType<typeof startTestApp>>;
let secondServer: ReturnType<typeof startServerProcess>;
let second: string;


beforeAll(async () => {
  secondServer = startServerProcess({ ...process.env, METRICS_TOKEN: TOKEN });
  process.env.METRICS_TOKEN = TOKEN;
  try {
    app = await startTestApp();
  } finally {
    delete process.env.METRICS_TOKEN;
  }
  second = await secondServer.origin;
}, 60_000);

afterAll(async () => {
  await app.close();
  await secondServer.stop();
});

const get = (origin: string, path: string, headers: Record<string, string> = {}) => request(origin, path, { headers });

/** Responses a server answered from its cache so far. */
async function hits(origin: string): Promise<number> {
  const metrics = await (await request(origin, "/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  return Number(/^idsl_anonymous_cache_hits_total (\d+)$/m.exec(metrics)?.[1]);
}

/** Sends the region's editor's new description through `origin`, as the edit form does. */
async function describeRegion(origin: string, code: string, description: string) {
  const editor = await createSignedInUser("editor", code);
  const [profile] = await db().select({ version: regionProfiles.version }).from(regionProfiles).where(eq(regionProfiles.regionCode, code));
  const saved = await request(origin, `/daerah/${code}/ubah`, {
    cookie: editor.cookie,
    form: { descriptionId: description, descriptionEn: "", websiteUrl: "", contactEmail: "", version: String(profile?.version ?? 0) },
  });
  expect(saved.status).toBe(302);
}

/**
 * The page `origin` serves once it contains `text`. Another server drops its pages when PostgreSQL
 * delivers the notification, milliseconds after the write, which a loaded machine can stretch
 * past the next request: allowed 3 s, far below the 60 s an entry would otherwise live.
 */
async function eventuallyContaining(origin: string, path: string, text: string): Promise<string> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const page = await (await get(origin, path)).text();
    if (page.includes(text) || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Reads `path` twice, so the second answer comes from the server's cache. */
async function cache(origin: string, path: string) {
  await get(origin, path);
  const before = await hits(origin);
  const again = await get(origin, path);
  expect(await hits(origin)).toBe(before + 1);
  return again.text();
}

describe("one server", () => {
  it("answers a repeat anonymous read from memory, under the policy naming the nonce its scripts carry", async () => {
    const path = "/peringkat?urut=nama";
    const before = await hits(app.origin);
    const first = await get(app.origin, path);
    expect(await hits(app.origin)).toBe(before);
    const repeat = await get(app.origin, path);
    expect(await hits(app.origin)).toBe(before + 1);

    const body = await repeat.text();
    expect(body).toBe(await first.text());
    expect(repeat.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(repeat.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(repeat.headers.get("age")).toMatch(/^\d+$/);
    // Gzipped once when stored, for every client that accepts it; others get it as rendered.
    expect(repeat.headers.get("content-encoding")).toBe("gzip");
    const identity = await get(app.origin, path, { "Accept-Encoding": "identity" });
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(await identity.text()).toBe(body);
    const nonce = /<script nonce="([^"]+)"/.exec(body)![1]!;
    expect(repeat.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(first.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);

    // A client holding the page is told so from memory too, without a policy for a page it keeps.
    const unchanged = await get(app.origin, path, { "If-None-Match": repeat.headers.get("etag")! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("content-security-policy")).toBeNull();
    expect(await hits(app.origin)).toBe(before + 3);
  });

  it("answers single-fetch data from memory apart from the document", async () => {
    const document = await cache(app.origin, "/praktik?urut=terbaru");
    const data = await cache(app.origin, "/praktik.data?urut=terbaru");
    expect(document).toMatch(/^<!DOCTYPE html>/i);
    expect(data).not.toMatch(/<html/);
  });

  it("keeps each language's page apart", async () => {
    const english = { Cookie: (await serializeLocaleCookie("en")).split(";")[0]! };
    const indonesian = await cache(app.origin, "/kerangka");
    expect(indonesian).toContain('<html lang="id"');
    const before = await hits(app.origin);
    const first = await get(app.origin, "/kerangka", english);
    expect(await first.text()).toContain('<html lang="en"');
    expect(await hits(app.origin)).toBe(before);
    expect(await (await get(app.origin, "/kerangka", english)).text()).toContain('<html lang="en"');
    expect(await (await get(app.origin, "/kerangka")).text()).toContain('<html lang="id"');
    expect(await hits(app.origin)).toBe(before + 2);
  });

  it("never answers a signed-in reader from it, nor keeps their page for others", async () => {
    const user = await createSignedInUser("member", "32.73");
    await cache(app.origin, "/data");
    const before = await hits(app.origin);
    const signedIn = await get(app.origin, "/data", { Cookie: user.cookie });
    expect(signedIn.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
    expect(await signedIn.text()).toContain("Test member");
    expect(await hits(app.origin)).toBe(before);
    const anonymous = await (await get(app.origin, "/data")).text();
    expect(anonymous).not.toContain("Test member");
    expect(await hits(app.origin)).toBe(before + 1);
  });

  it("drops a page its editor changed through this server before the next read", async () => {
    const code = "35.07";
    expect(await cache(app.origin, `/daerah/${code}`)).not.toContain("Profil uji tembolok satu");
    await describeRegion(app.origin, code, "Profil uji tembolok satu");
    expect(await (await get(app.origin, `/daerah/${code}`)).text()).toContain("Profil uji tembolok satu");
  });
});

describe("another server", () => {
  it("drops a page changed through the first server as soon as the notification arrives", async () => {
    const code = "35.08";
    expect(await cache(second, `/daerah/${code}`)).not.toContain("Profil uji tembolok dua");
    await describeRegion(app.origin, code, "Profil uji tembolok dua");
    expect(await eventuallyContaining(second, `/daerah/${code}`, "Profil uji tembolok dua")).toContain("Profil uji tembolok dua");
  });

  it("drops its pages when another process announces an official figure it imported", async () => {
    const code = "35.09";
    await cache(app.origin, `/daerah/${code}`);
    expect(await cache(second, `/daerah/${code}`)).not.toContain("2,91");
    const frameworkId = (await db().query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
    const sourceId = await upsertSource(db(), "official_decree", "https://spbe.example.id/anonymous-cache-test");
    await db().insert(publishedResults).values({ frameworkId, regionCode: code, year: 2019, value: 2.91, sourceId, origin: "import" });
    // As the import command does after its transaction.
    await invalidateBenchmarkData();
    // This process announced it: its own server dropped the page before the announcement returned.
    expect(await (await get(app.origin, `/daerah/${code}`)).text()).toContain("2,91");
    expect(await eventuallyContaining(second, `/daerah/${code}`, "2,91")).toContain("2,91");
  });
});
