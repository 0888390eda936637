import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { syncSampleData } from "./sample-data.server";

/** Rankings, comparisons, region benchmarks and self-assessments over real HTTP, with sample data (demo mode). */
let app: Awaited<ReturnType<typeof startTestApp>>;
let sumedangEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let bloraEditor: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  await db().transaction((tx) => syncSampleData(tx));
  app = await startTestApp();
  [sumedangEditor, bloraEditor] = await Promise.all([createSignedInUser("editor", "32.11"), createSignedInUser("editor", "33.16")]);
});
afterAll(() => app.close());

describe("compare", () => {
  it.each([
    ["", "Pilih setidaknya dua daerah"],
    ["?daerah=32.11", "Tambahkan satu daerah lagi"],
    ["?daerah=32.11,33.16,35.10,35.78,32.73,51.71,35.22", "Paling banyak 6 daerah"],
    ["?daerah=32.11,99.99,%3Cscript%3E", "Kode daerah tidak dikenal dan diabaikan: 99.99, &lt;script&gt;"],
  ])("explains %s instead of failing", async (search, message) => {
    const response = await request(app.origin, `/bandingkan${search}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(message);
  });

  it.each([["2.025"], ["2025.0"], ["1999"], ["%3Cb%3E"]])("says a year it cannot show (tahun=%s) and which one it shows instead", async (year) => {
    const response = await request(app.origin, `/bandingkan?daerah=32.11,33.16&tahun=${year}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const requested = decodeURIComponent(year).replace("<", "&lt;").replace(">", "&gt;");
    expect(html).toMatch(new RegExp(`Tidak ada data untuk tahun (&quot;|")${requested.replace(/\./g, "\\.")}(&quot;|") bagi daerah ini; yang ditampilkan: \\d{4}\\.`));
    expect(html).not.toContain("<b>");
    expect(await (await request(app.origin, "/bandingkan?daerah=32.11,33.16&tahun=2024")).text()).not.toContain("Tidak ada data untuk tahun");
  });

  it("shows three regions side by side with indicator levels", async () => {
    const html = await (await request(app.origin, "/bandingkan?daerah=32.11,33.16,35.10")).text();
    expect(html).toContain("Kabupaten Banyuwangi");
    expect(html).toContain("Tingkat per indikator");
    expect(html).toMatch(/<svg[^>]*role="img"/);
  });

  it("sends its charts drawn, in the data request that client-side navigation renders", async () => {
    const response = await request(app.origin, "/bandingkan.data?daerah=32.11,33.16,35.10&_routes=routes%2Fbandingkan");
    expect(response.status).toBe(200);
    // The data is a turbo-stream, in which every string is written as JSON.
    const data = await response.text();
    const asWritten = (text: string) => JSON.stringify(text).slice(1, -1);
    for (const id of ["trend", "domains"]) expect(data).toContain(asWritten(`<svg role="img" aria-labelledby="chart-${id}-title"`));
    expect(data).toContain(asWritten('<svg aria-hidden="true" width="32" height="14"'));
    expect(data).toContain(asWritten("<title>Kabupaten Banyuwangi"));
  });
});

describe("rankings", () => {
  it("shrugs off junk parameters", async () => {
    for (const path of ["/peringkat?tahun=abc&provinsi=%27&jenis=desa&urut=%3Cx%3E&hal=-3&data=%3Cscript%3E", "/peringkat.csv?gaya=%00&data=x", "/peringkat.xlsx?tahun=1&jenis=provinsi&kohort=zz"]) {
      expect((await request(app.origin, path)).status).toBe(200);
    }
  });
});

describe("self-assessment", () => {
  it("lets the region's editor save levels, computing the index, and keeps others out", async () => {
    const tree = await getFrameworkTree(SPBE_2020);
    // SPBE 2020 applies until 2025 (Pemdi 2026 from 2026).
    const year = 2025;
    const form = new URLSearchParams({ intent: "save" });
    for (const id of tree.indicatorsById.keys()) form.set(`level_${id}`, "4");
    const saved = await request(app.origin, `/daerah/32.11/penilaian-mandiri?tahun=${year}`, { cookie: sumedangEditor.cookie, form });
    expect(saved.status).toBe(302);
    const [row] = await db()
      .select({ computedIndex: assessments.computedIndex })
      .from(assessments)
      .where(and(eq(assessments.regionCode, "32.11"), eq(assessments.kind, "self"), eq(assessments.year, year)));
    expect(row?.computedIndex).toBeCloseTo(4, 4);
    // The region's own working figure: its editor sees it, visitors do not until it is published.
    const page = await (await request(app.origin, "/daerah/32.11/benchmark", { cookie: sumedangEditor.cookie })).text();
    expect(page).toContain(`Penilaian mandiri terbaru (${year})`);
    expect(await (await request(app.origin, "/daerah/32.11/benchmark")).text()).not.toContain(`Penilaian mandiri terbaru (${year})`);
    expect((await request(app.origin, `/daerah/32.11/penilaian-mandiri`, { cookie: bloraEditor.cookie })).status).toBe(403);
    expect((await request(app.origin, `/daerah/32.11/penilaian-mandiri`, { cookie: bloraEditor.cookie, form })).status).toBe(403);
  });

  it("names a level outside 1–5 and a non-https evidence link, saving nothing", async () => {
    const tree = await getFrameworkTree(SPBE_2020);
    const [first] = tree.indicatorsById.keys();
    const form = new URLSearchParams({ intent: "save", [`level_${first}`]: "9", [`evidence_${first}`]: "javascript:alert(1)" });
    const response = await request(app.origin, "/daerah/33.16/penilaian-mandiri", { cookie: bloraEditor.cookie, form });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Pilih tingkat 1 sampai 5.");
    expect(html).toContain("Masukkan alamat web lengkap yang diawali https://.");
  });
});

describe("a self-assessment mixing frameworks", () => {
  it("is refused with a message, nothing saved; an unknown framework is a 404", async () => {
    const [spbeIndicator] = (await getFrameworkTree(SPBE_2020)).indicatorsById.keys();
    const pemdiPage = "/daerah/33.16/penilaian-mandiri?kerangka=pemdi-2026&tahun=2026";
    const mixed = await request(app.origin, pemdiPage, { cookie: bloraEditor.cookie, form: { intent: "save", kerangka: "pemdi-2026", tahun: "2026", [`level_${spbeIndicator}`]: "4" } });
    expect(mixed.status).toBe(400);
    expect(await mixed.text()).toContain("memuat tingkat indikator kerangka lain");
    const otherForm = await request(app.origin, pemdiPage, { cookie: bloraEditor.cookie, form: { intent: "save", kerangka: "spbe-2020", tahun: "2025" } });
    expect(otherForm.status).toBe(400);
    expect(await otherForm.text()).toContain("Formulir ini dibuat untuk kerangka atau tahun lain");
    const spbeIn2026 = await request(app.origin, "/daerah/33.16/penilaian-mandiri?kerangka=spbe-2020&tahun=2026", { cookie: bloraEditor.cookie, form: { intent: "save" } });
    expect(spbeIn2026.status).toBe(400);
    expect(await spbeIn2026.text()).toContain("tidak menerima penilaian mandiri untuk tahun ini");
    const rows = await db()
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.regionCode, "33.16"), eq(assessments.kind, "self"), eq(assessments.year, 2026)));
    expect(rows).toEqual([]);
    expect((await request(app.origin, "/daerah/33.16/penilaian-mandiri?kerangka=spbe-2099", { cookie: bloraEditor.cookie })).status).toBe(404);
  });
});

describe("region benchmark", () => {
  it("shows trend, ranks, profile and links to the leaders' practices", async () => {
    const html = await (await request(app.origin, "/daerah/33.16/benchmark?kelompok=provinsi")).text();
    expect(html).toContain("Peringkat dalam kelompok sejawat");
    expect(html).toContain("Belajar dari yang terdepan");
    expect(html).toMatch(/href="\/indikator\/\d+\?kerangka=spbe-2020"/);
    expect((await request(app.origin, "/daerah/99.99/benchmark")).status).toBe(404);
    expect((await request(app.origin, "/daerah/33.16/benchmark?kelompok=kustom:999&tahun=abc")).status).toBe(200);
  });

  it("opens any year the region has a figure in, and names the year of the profile", async () => {
    const html = await (await request(app.origin, "/daerah/33.16/benchmark?tahun=2024")).text();
    // Blora has sample data in 2024 but no official index: no official rank that year.
    expect(html).toContain("Tidak ada indeks resmi untuk 2024");
    expect(html).toContain("Profil dari data 2024.");
  });
});

describe("framework choice (?kerangka=)", () => {
  const plain = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

  it.each(["/daerah/32.11/benchmark", "/bandingkan?daerah=32.11,33.16&", "/indikator/3"])("answers an unknown framework on %s with a 404 listing the real ones, escaped", async (path) => {
    const response = await request(app.origin, `${path}${path.includes("?") ? "" : "?"}kerangka=%3Cscript%3Ealert(1)%3C/script%3E`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;alert(1)");
    expect(plain(html)).toContain("Indeks Pemdi 2026");
    expect(plain(html)).toContain("Indeks SPBE 2020");
  });

  it("shows a region's Pemdi 2026 benchmark by its own framework: one profile chart of its aspects, its indicators, SPBE history as a separate series", async () => {
    const html = await (await request(app.origin, "/daerah/32.11/benchmark?kerangka=pemdi-2026")).text();
    const page = plain(html);
    expect(html).toMatch(/aria-current="page"[^>]*href="[^"]*kerangka=pemdi-2026"/);
    expect(page).toContain("Indeks per aspek");
    expect(page).not.toContain("Indeks per domain");
    expect(page).toContain("Tata Kelola dan Manajemen");
    // Every indicator link is a Pemdi indicator's, never an SPBE number beyond Pemdi's 20.
    const indicators = [...html.matchAll(/href="\/indikator\/(\d+)\?kerangka=([a-z0-9-]+)"/g)];
    expect(indicators.length).toBeGreaterThan(0);
    for (const [, number, framework] of indicators) {
      expect(framework).toBe("pemdi-2026");
      expect(Number(number)).toBeLessThanOrEqual(20);
    }
    expect(page).toContain("Indeks SPBE 2020 | Indeks Pemdi 2026");
  });

  it("keeps the chosen framework in the year and peer-group forms and in indicator links", async () => {
    const html = await (await request(app.origin, "/daerah/32.11/benchmark?kerangka=spbe-2020")).text();
    expect(html).toMatch(/<input type="hidden" name="kerangka" value="spbe-2020"\/>/);
    expect(html).toMatch(/href="\/indikator\/\d+\?kerangka=spbe-2020"/);
  });

  it("has indicator pages for both frameworks, and says that practices are tagged with SPBE 2020 indicators", async () => {
    const pemdi = await request(app.origin, "/indikator/20?kerangka=pemdi-2026");
    expect(pemdi.status).toBe(200);
    expect(plain(await pemdi.text())).toContain("Praktik baik ditandai dengan indikator Indeks SPBE 2020, bukan dengan indikator Indeks Pemdi 2026");
    expect((await request(app.origin, "/indikator/47?kerangka=pemdi-2026")).status).toBe(404);
    expect((await request(app.origin, "/indikator/47?kerangka=spbe-2020")).status).toBe(200);
  });

  it("compares regions under Pemdi 2026 and keeps the framework in its links", async () => {
    const response = await request(app.origin, "/bandingkan?daerah=32.11,33.16&kerangka=pemdi-2026");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("/bandingkan?daerah=33.16&amp;kerangka=pemdi-2026");
    expect(html).toMatch(/href="\/indikator\/1\?kerangka=pemdi-2026"/);
  });
});
