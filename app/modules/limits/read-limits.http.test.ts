import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { serverEnv } from "../env.server";
import { serializeLocaleCookie } from "../i18n/locale.server";

/**
 * Read limits over HTTP. The server trusts X-Forwarded-For from loopback (TRUST_PROXY, as
 * behind a reverse proxy), so each test client gets an address of its own.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
const previousTrustProxy = process.env.TRUST_PROXY;

beforeAll(async () => {
  process.env.TRUST_PROXY = "loopback";
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
  if (previousTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = previousTrustProxy;
});

const from = (ip: string, options: { cookie?: string; headers?: Record<string, string> } = {}) => ({ ...options, headers: { "X-Forwarded-For": ip, ...options.headers } });

/** Searches from `ip`, 20 at a time, until one is refused (or the allowance and a batch more are sent). */
async function searchUntilRefused(ip: string): Promise<Response | null> {
  const allowance = serverEnv().SEARCH_REQUESTS_PER_MINUTE;
  for (let sent = 0; sent <= allowance; sent += 20) {
    // Each address new: a repeated one could be answered from the cache of anonymous pages, before the limit (decision 0032).
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => request(app.origin, `/cari?q=sumedang${sent + index}`, from(ip))));
    const refused = answers.find((answer) => answer.status === 429);
    await Promise.all(answers.filter((answer) => answer !== refused).map((answer) => answer.arrayBuffer()));
    if (refused) return refused;
  }
  return null;
}

describe("search read limit", () => {
  it("refuses a scraper's address over the allowance with a localized 429 and Retry-After; others are unaffected", async () => {
    const scraper = "203.0.113.7";
    const refused = await searchUntilRefused(scraper);
    expect(refused?.status).toBe(429);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    const page = await refused!.text();
    expect(page).toContain("Terlalu banyak pencarian");
    expect(page).toMatch(/Coba lagi dalam \d+ menit/);

    const english = await request(app.origin, "/cari?q=sumedang", from(scraper, { cookie: await serializeLocaleCookie("en") }));
    expect(english.status).toBe(429);
    expect(await english.text()).toContain("Too many searches");

    // Another address, and a signed-in official behind the scraper's own address, still search.
    expect((await request(app.origin, "/cari?q=sumedang", from("203.0.113.8"))).status).toBe(200);
    const official = await createSignedInUser("editor", "32.11");
    expect((await request(app.origin, "/cari?q=sumedang", from(scraper, { cookie: official.cookie }))).status).toBe(200);
    // Each read has its own allowance: the API still answers the scraper's address.
    expect((await request(app.origin, "/api/v1/frameworks", from(scraper, { headers: { Accept: "application/json" } }))).status).toBe(200);
  });
});
