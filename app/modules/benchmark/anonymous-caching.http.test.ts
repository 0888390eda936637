import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameworks, publishedResults } from "../../../db/schema";
import { upsertSource } from "../../../db/sources";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { syncSampleData } from "./sample-data.server";
import { invalidateBenchmarkData } from "./benchmark-data.server";
import { db } from "../db.server";
import { SPBE_2020 } from "../frameworks/index.server";
import { serializeLocaleCookie } from "../i18n/locale.server";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../http/cache-policy.server";

/** HTTP caching of anonymous reads (http/cache-policy.server.ts) over real HTTP, on the figure pages: shared-cache headers, ETags, 304s, and privacy for everything signed in. */
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  await db().transaction((tx) => syncSampleData(tx));
  app = await startTestApp();
});
afterAll(() => app.close());

const get = (path: string, headers: Record<string, string> = {}) => request(app.origin, path, { headers });

describe("anonymous reads of public pages", () => {
  it("are shareable, with an ETag that holds across renders, and 304 without a body for it", async () => {
    for (const path of ["/peringkat", "/daerah/73.22", "/peringkat.data"]) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      expect(first.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
      // Compression adds Accept-Encoding.
      expect(first.headers.get("vary")).toMatch(/^Cookie\b/);
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get(path, { "If-None-Match": etag });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      // The cached page's scripts carry the nonce of the cached policy, which must stay.
      expect(again.headers.get("content-security-policy")).toBeNull();
    }
  });

  it("change their ETag with the language", async () => {
    const indonesian = (await get("/peringkat")).headers.get("etag");
    const english = await get("/peringkat", { Cookie: (await serializeLocaleCookie("en")).split(";")[0]!, "If-None-Match": indonesian! });
    expect(english.status).toBe(200);
    expect(english.headers.get("etag")).not.toBe(indonesian);
  });

  it("change their ETag when an official figure changes", async () => {
    const before = (await get("/daerah/73.22")).headers.get("etag")!;
    const frameworkId = (await db().query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
    const sourceId = await upsertSource(db(), "official_decree", "https://spbe.example.id/cache-policy-test");
    await db().insert(publishedResults).values({ frameworkId, regionCode: "73.22", year: 2019, value: 3.17, sourceId, origin: "import" });
    // The server's snapshot is dropped on notification, as after an import.
    await invalidateBenchmarkData();
    let after = await get("/daerah/73.22", { "If-None-Match": before });
    for (let attempt = 0; attempt < 20 && after.status === 304; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await get("/daerah/73.22", { "If-None-Match": before });
    }
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
    expect(await after.text()).toContain("3,17");
  });
});

describe("private responses", () => {
  it("a signed-in reader's pages and data are private, never answered 304", async () => {
    const { cookie } = await createSignedInUser("editor", "32.11");
    const etag = (await get("/peringkat")).headers.get("etag")!;
    for (const path of ["/peringkat", "/peringkat.data", "/api/v1/frameworks"]) {
      const response = await get(path, { Cookie: cookie, "If-None-Match": etag });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe(PRIVATE_CACHE_CONTROL);
      expect(response.headers.get("etag"), path).toBeNull();
    }
  });

  it("a response that sets a cookie is private", async () => {
    const response = await request(app.origin, "/bahasa", { form: { lang: "en", redirectTo: "/peringkat" } });
    expect(response.headers.get("set-cookie")).toContain("lang=");
    expect(response.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
  });

  it("other anonymous pages are not made shareable", async () => {
    const response = await get("/masuk");
    expect(response.headers.get("cache-control") ?? "").not.toContain("public");
    expect(response.headers.get("etag")).toBeNull();
  });
});

describe("API answers", () => {
  it("are shareable for anonymous clients, varying on language and cookie", async () => {
    const response = await get("/api/v1/frameworks");
    expect(response.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(response.headers.get("vary")).toMatch(/^Accept-Language, Cookie\b/);
    expect((await get("/api/v1/frameworks", { "If-None-Match": response.headers.get("etag")! })).status).toBe(304);
  });
});
