import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, practiceForm, publishPractice, testActor } from "../../../tests/support/practice-factory";
import { serializeLocaleCookie } from "../i18n/locale.server";
import { listPublishedPractices } from "../practices/index.server";
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

const emptyListQuery = { province: null, region: null, indicator: null, stage: null, tag: null, sort: "terbaru", page: 1 } as const;

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

  it("lists each facet's values most frequent first", async () => {
    const html = await page("");
    const provinces = html.slice(html.indexOf('id="facet-province"'), html.indexOf('id="facet-regionType"'));
    // React separates the parentheses from the number with <!-- --> markers.
    const counts = [...provinces.matchAll(/\((?:<!-- -->)?(\d+)(?:<!-- -->)?\)/g)].map((match) => Number(match[1]));
    expect(counts.length).toBeGreaterThan(2);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("filters by the year a practice started, as its case study says", async () => {
    const html = await page("?tahun=2016");
    // Bojonegoro's Satu Data and Banyuwangi's Smart Kampung started in 2016 (published here in 2026).
    expect(html).toContain("Satu Data dan Pemerintahan Terbuka Kabupaten Bojonegoro");
    expect(html).toContain("Smart Kampung: Layanan Digital Tingkat Desa");
    expect(html).not.toContain("Sumedang Command Center: Ruang Kendali");
    const years = html.slice(html.indexOf('id="facet-year"'), html.indexOf('id="facet-tag"'));
    expect(years).toMatch(/2016(?:<!-- -->)? <span[^>]*>\((?:<!-- -->)?2(?:<!-- -->)?\)/);
    expect(years).not.toContain("2026");
  });

  it("filters by SPBE domain, aspect and language with the same results as the database", async () => {
    const people = { editor: await testActor("editor", "32.11"), curator: await testActor("curator") };
    // The seeded practices all have English; this one has Indonesian only.
    await publishPractice(practiceContent({ title: "Praktik hanya berbahasa Indonesia" }), people);
    await reindexAll(meilisearch());
    const everything = (await listPublishedPractices(emptyListQuery)).total;
    const cases = [
      ["?domain=Tata+Kelola+SPBE", { domain: "Tata Kelola SPBE" }],
      ["?aspek=Penerapan+Manajemen+SPBE", { aspect: "Penerapan Manajemen SPBE" }],
      ["?bahasa=en", { language: "en" }],
    ] as const;
    for (const [search, filter] of cases) {
      const expected = (await listPublishedPractices({ ...emptyListQuery, ...filter })).total;
      expect(expected, search).toBeGreaterThan(0);
      expect(expected, search).toBeLessThan(everything);
      expect(await page(search), search).toContain(`>Hasil: ${expected}</p>`);
    }
    const facets = await page("");
    expect(facets.slice(facets.indexOf('id="facet-domain"'), facets.indexOf('id="facet-aspect"'))).toContain("Layanan SPBE");
    expect(facets.slice(facets.indexOf('id="facet-language"'), facets.indexOf('id="facet-tag"'))).toContain("English");
  });

  it("lists matching regions and indicators above the practices", async () => {
    const html = await page("?q=sumedang");
    expect(html).toContain('href="/daerah/32.11"');
    // Indicator 35 of SPBE 2020 is "Tingkat Kematangan Layanan Pengadaan Barang dan Jasa".
    const procurement = await page("?q=pengadaan%20barang");
    expect(procurement).toContain("Indikator SPBE yang cocok");
    expect(procurement).toContain('href="/indikator/35?kerangka=spbe-2020"');
  });

  it("says when no practice matches the words well, and finds other Indonesian word forms", async () => {
    const weak = await page("?q=sumedng+qwertyuiop");
    expect(weak).toContain("Tidak ada praktik yang benar-benar cocok dengan kata pencarian ini");
    expect(weak).toContain("Sumedang");
    expect(await page("?q=stunting")).not.toContain("benar-benar cocok");
    // "mengadukan" appears in no case study; their "pengaduan" shares its stem.
    expect(await page("?q=mengadukan")).toContain("Kanal Pengaduan");
  });

  it("sorts by adoptions like the practice list does", async () => {
    const [mostAdopted] = (await listPublishedPractices({ ...emptyListQuery, sort: "terbanyak-diadopsi" })).practices;
    const html = await page("?urut=terbanyak-diadopsi");
    const firstResult = html.match(/<ol[^>]*>\s*<li[^>]*>.*?href="\/praktik\/(\d+)"/s);
    expect(Number(firstResult?.[1])).toBe(mostAdopted!.id);
    expect(mostAdopted!.adoptionCount).toBeGreaterThan(0);
  });

  it("shows English titles and summaries to English readers where the practice has them", async () => {
    const cookie = await serializeLocaleCookie("en");
    const response = await request(app.origin, "/cari?q=stunting", { cookie });
    const html = await response.text();
    expect(html).toContain("Sumedang&#x27;s Integrated </span><mark>Stunting</mark><span> Prevention Information System");
    expect(html).toMatch(/<h3 lang="en"/);
    // Indonesian readers get the Indonesian text.
    expect(await page("?q=stunting")).toContain("Sistem Informasi Pencegahan </span><mark>Stunting</mark><span> Terintegrasi");
  });

  it("says when filters in the address are not recognised", async () => {
    const html = await page("?q=stunting&provinsi=99&status=draft");
    expect(html).toContain("Sebagian saringan di alamat ini tidak dikenal dan diabaikan.");
    expect(html).toContain("SIMPATI");
  });

  it("never finds or shows a practice's contact person", async () => {
    const people = { editor: await testActor("editor", "32.11"), curator: await testActor("curator") };
    const id = await publishPractice(practiceContent({ title: "Praktik Kontakuji Terbit", contact: "Kontakuji Wiryawan, 0812-7777-1234" }), people);
    await reindexAll(meilisearch());
    expect(await page("?q=Wiryawan")).toContain("Tidak ada praktik yang cocok.");
    expect(await page("?q=Kontakuji")).toContain(`href="/praktik/${id}"`);
    for (const path of ["/cari?q=Kontakuji", "/cari.data?q=Kontakuji"]) {
      const text = await (await request(app.origin, path)).text();
      expect(text, path).toContain("Kontakuji");
      expect(text, path).not.toContain("Wiryawan");
      expect(text, path).not.toContain("0812-7777-1234");
    }
  });

  it("never sends the Meilisearch key to the browser", async () => {
    const html = await page("?q=tte");
    expect(html).not.toContain(process.env.MEILI_MASTER_KEY!);
  });

  it("never shows drafts", async () => {
    const editor = await createSignedInUser("editor", "32.11");
    const draft = await request(app.origin, "/praktik/baru", { cookie: editor.cookie, form: practiceForm({ title: "Zebrakuda rahasia" }) });
    expect(draft.status).toBe(302);
    await reindexAll(meilisearch());
    for (const filters of ["", "&status=draft", "&tahap=draft", `&tag=${encodeURIComponent('" OR title = "Zebrakuda rahasia')}`]) {
      const html = await page(`?q=Zebrakuda${filters}`);
      expect(html).toContain("Tidak ada praktik yang cocok.");
      expect(html).not.toContain("Zebrakuda rahasia<");
    }
  });

  it("falls back to PostgreSQL full-text search with a notice when Meilisearch cannot answer", async () => {
    await meilisearch().index(searchIndexUid("practices")).delete().waitTask();
    try {
      const html = await page("?q=stunting");
      expect(html).toContain("Mesin pencari sedang tidak tersedia");
      expect(html).toContain("SIMPATI");
      // Filters still apply: SIMPATI is a Sumedang (kabupaten) practice.
      expect(await page("?q=stunting&jenis=kota")).not.toContain("SIMPATI");
      expect(await page("?q=stunting&jenis=kabupaten&provinsi=32")).toContain("SIMPATI");
      const started2016 = await page("?tahun=2016");
      expect(started2016).toContain("Smart Kampung: Layanan Digital Tingkat Desa");
      expect(started2016).not.toContain("Sumedang Command Center: Ruang Kendali");
    } finally {
      await reindexAll(meilisearch());
    }
  });
});
