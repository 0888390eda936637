import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceForm } from "../../../tests/support/practice-factory";
import { meilisearch } from "./meilisearch.server";
import { reindexAll } from "./search-index.server";
import { searchIndexUid } from "./search-settings";

/** The search page over HTTP against the real Meilisearch (the unprefixed indexes are this file's). */
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  await reindexAll(meilisearch());
  app = await startTestApp();
});
afterAll(() => app.close());

const page = async (search: string) => {
  const response = await request(app.origin, `/cari${search}`);
  expect(response.status).toBe(200);
  return response.text();
};

describe("/cari", () => {
  it("forgives typos and marks the matches as elements", async () => {
    const html = await page("?q=sumedng");
    expect(html).toContain("Sumedang");
    expect(html).toMatch(/<mark>Sumedan[g]?<\/mark>/);
  });

  it("filters by province and indicator with counts", async () => {
    const html = await page("?q=&provinsi=35&indikator=22");
    expect(html).toContain("Tanda Tangan Elektronik");
    expect(html).not.toContain("Sumedang Command Center");
  });

  it("survives quotes, backslashes, filter syntax, markup and 5,000-character queries", async () => {
    for (const q of ['"', "\\", '" OR status = draft', "<script>alert(1)</script>", "a".repeat(5000)]) {
      const html = await page(`?q=${encodeURIComponent(q)}&tag=${encodeURIComponent('" OR state = "draft')}`);
      expect(html).not.toContain("<script>alert(1)</script>");
    }
    expect(await page(`?q=${"a".repeat(5000)}`)).toContain("dipendekkan menjadi 200 karakter");
  });

  it("never shows drafts", async () => {
    const editor = await createSignedInUser("editor", "32.11");
    const draft = await request(app.origin, "/praktik/baru", { cookie: editor.cookie, form: practiceForm({ title: "Zebrakuda rahasia" }) });
    expect(draft.status).toBe(302);
    await reindexAll(meilisearch());
    expect(await page("?q=Zebrakuda")).toContain("Tidak ada praktik yang cocok.");
  });

  it("falls back to PostgreSQL full-text search with a notice when Meilisearch cannot answer", async () => {
    await meilisearch().index(searchIndexUid("practices")).delete().waitTask();
    try {
      const html = await page("?q=stunting");
      expect(html).toContain("Mesin pencari sedang tidak tersedia");
      expect(html).toContain("SIMPATI");
    } finally {
      await reindexAll(meilisearch());
    }
  });
});
