import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments } from "../../../db/schema";
import { seedDemoAssessments } from "../../../db/seed/demo";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/frameworks.server";
import { getBenchmarkData, invalidateBenchmarkData, resultKey } from "./benchmark-data.server";

/** Rankings, comparisons, self-assessments and the official CSV import over real HTTP. */
let app: Awaited<ReturnType<typeof startTestApp>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;
let sumedangEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let bloraEditor: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  await seedDemoAssessments(db());
  invalidateBenchmarkData();
  app = await startTestApp();
  [curator, sumedangEditor, bloraEditor] = await Promise.all([
    createSignedInUser("curator"),
    createSignedInUser("editor", "32.11"),
    createSignedInUser("editor", "33.16"),
  ]);
});
afterAll(() => app.close());

const officialCount = async () => (await db().select({ value: count() }).from(assessments).where(eq(assessments.kind, "official")))[0]!.value;

function csvUpload(text: string | Uint8Array<ArrayBuffer>, intent = "preview") {
  const form = new FormData();
  form.append("intent", intent);
  form.append("file", new File([text], "hasil.csv", { type: "text/csv" }));
  return request(app.origin, "/kurasi/impor-spbe", { cookie: curator.cookie, form });
}

describe("official results import", () => {
  const indicators = Array.from({ length: 47 }, (_, i) => `indicator_${i + 1}`).join(",");
  const allAt = (level: number) => Array.from({ length: 47 }, () => level).join(",");

  it("previews every row, then imports all of them", async () => {
    const before = await officialCount();
    const csv = `region_code,year,index,${indicators},source,decree\n35.15,2024,3.00,${allAt(3)},https://menpan.go.id/hasil-2024,KepMenPANRB 1/2025\n35.16,2024,2.40,${Array.from({ length: 47 }, () => "").join(",")},,\n`;
    const preview = await csvUpload(csv);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("Impor 2 baris");
    expect(await officialCount()).toBe(before);

    const form = new FormData();
    form.append("intent", "import");
    form.append("csv", csv);
    const imported = await request(app.origin, "/kurasi/impor-spbe", { cookie: curator.cookie, form });
    expect(imported.status).toBe(200);
    expect(await imported.text()).toContain("2 baris diimpor.");
    expect(await officialCount()).toBe(before + 2);

    const data = await getBenchmarkData(SPBE_2020);
    expect(data?.results.get(resultKey("35.15", 2024))).toMatchObject({ value: 3, kind: "official", mismatch: false });
    const rankings = await (await request(app.origin, "/peringkat?tahun=2024&provinsi=35")).text();
    expect(rankings).toContain("Kabupaten Sidoarjo");
  });

  it("flags an official index that its own levels do not compute to", async () => {
    const csv = `region_code,year,index,${indicators}\n35.17,2024,4.50,${allAt(2)}\n`;
    const preview = await (await csvUpload(csv)).text();
    expect(preview).toContain("berbeda &gt; 0,01");
  });

  it("refuses the whole file when any row is wrong, naming every row", async () => {
    const before = await officialCount();
    const bad = await csvUpload(
      ["region_code,year,index,colour", "32.11,2024,3,red"].join("\n"),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("kolom tidak dikenal");
    const rows = await csvUpload(["region_code,year,index", "32.11,2024,tiga", "99.99,2024,3", "33.16,2024,9", "33.16,2023,3", "33.16,2023,3.1"].join("\n"));
    expect(rows.status).toBe(400);
    const html = await rows.text();
    for (const expected of ["Baris 2", "bukan angka (tiga)", "Baris 3", "kode daerah tidak dikenal (99.99)", "Baris 4", "indeks di luar 0–5 (9)", "Baris 6", "sudah ada di baris 5"]) {
      expect(html).toContain(expected);
    }
    const levels = await csvUpload(`region_code,year,index,${indicators}\n32.11,2024,3,${allAt(3).replace(/^3/, "7")}`);
    expect(await levels.text()).toContain("tingkat di luar 1–5 (7)");
    // A forged import of a bad file is refused the same way.
    const form = new FormData();
    form.append("intent", "import");
    form.append("csv", "region_code,year,index\n99.99,2024,3");
    expect((await request(app.origin, "/kurasi/impor-spbe", { cookie: curator.cookie, form })).status).toBe(400);
    expect(await officialCount()).toBe(before);
  });

  it("refuses a non-CSV file and a 50 MB file with a clear message", async () => {
    const png = new Uint8Array(Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
    const binary = await csvUpload(png);
    expect(binary.status).toBe(400);
    expect(await binary.text()).toContain("bukan berkas CSV teks");
    const huge = await csvUpload(new Uint8Array(50 * 1024 * 1024));
    expect(huge.status).toBe(413);
    const tooBig = await csvUpload(`region_code,year,index\n${"32.11,2024,3\n".repeat(400_000)}`);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("berkas terlalu besar (maksimal 4 MB)");
  });

  it("is for curators and admins only", async () => {
    expect((await request(app.origin, "/kurasi/impor-spbe", { cookie: sumedangEditor.cookie })).status).toBe(403);
    expect((await request(app.origin, "/kurasi/impor-spbe")).status).toBe(302);
  });
});

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

  it("shows three regions side by side with indicator levels", async () => {
    const html = await (await request(app.origin, "/bandingkan?daerah=32.11,33.16,35.10")).text();
    expect(html).toContain("Kabupaten Banyuwangi");
    expect(html).toContain("Tingkat per indikator");
    expect(html).toMatch(/<svg[^>]*role="img"/);
  });
});

describe("rankings", () => {
  it("exports exactly the filtered, sorted ranking as CSV", async () => {
    const page = await (await request(app.origin, "/peringkat?tahun=2023&provinsi=32&urut=nama")).text();
    const csv = await (await request(app.origin, "/peringkat.csv?tahun=2023&provinsi=32&urut=nama")).text();
    const lines = csv.trim().split("\n").slice(1);
    expect(lines.length).toBeGreaterThan(1);
    const codes = lines.map((line) => line.split(",")[1]!);
    // Same rows in the same order as the table (each row links to its region's benchmark).
    const pageCodes = [...page.matchAll(/href="\/daerah\/(\d{2}\.\d{2})\/benchmark"/g)].map((match) => match[1]);
    expect(codes).toEqual(pageCodes);
  });

  it("shrugs off junk parameters", async () => {
    expect((await request(app.origin, "/peringkat?tahun=abc&provinsi=%27&jenis=desa&urut=%3Cx%3E&hal=-3")).status).toBe(200);
  });
});

describe("self-assessment", () => {
  it("lets the region's editor save levels, computing the index, and keeps others out", async () => {
    const tree = await getFrameworkTree(SPBE_2020);
    const year = new Date().getFullYear();
    const form = new URLSearchParams({ intent: "save" });
    for (const id of tree.indicatorsById.keys()) form.set(`level_${id}`, "4");
    const saved = await request(app.origin, `/daerah/32.11/penilaian-mandiri?tahun=${year}`, { cookie: sumedangEditor.cookie, form });
    expect(saved.status).toBe(302);
    const [row] = await db()
      .select({ computedIndex: assessments.computedIndex })
      .from(assessments)
      .where(and(eq(assessments.regionCode, "32.11"), eq(assessments.kind, "self"), eq(assessments.year, year)));
    expect(row?.computedIndex).toBeCloseTo(4, 4);
    const page = await (await request(app.origin, "/daerah/32.11/benchmark")).text();
    expect(page).toContain(`Penilaian mandiri ${year}`);
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

describe("region benchmark", () => {
  it("shows trend, ranks, profile and links to the leaders' practices", async () => {
    const html = await (await request(app.origin, "/daerah/33.16/benchmark?kelompok=provinsi")).text();
    expect(html).toContain("Peringkat dalam kelompok sejawat");
    expect(html).toContain("Belajar dari yang terdepan");
    expect(html).toMatch(/href="\/indikator\/\d+"/);
    expect((await request(app.origin, "/daerah/99.99/benchmark")).status).toBe(404);
    expect((await request(app.origin, "/daerah/33.16/benchmark?kelompok=kustom:999")).status).toBe(200);
  });
});
