import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentLevels, assessments, levelSubmissions, sources } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";

/**
 * Official levels from a region's evaluation report: its editor submits them with the PDF,
 * a curator verifies, and only then do they count as verified levels. Kabupaten Lombok Barat
 * (52.01) has an official 2023 index of 2,77 to check the levels against.
 */
const REGION = "52.01";
let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Awaited<ReturnType<typeof createSignedInUser>>;
let otherEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let member: Awaited<ReturnType<typeof createSignedInUser>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;
let levelFields: string[];

const PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/\s+/g, " ");
const path = `/daerah/${REGION}/level-resmi`;

function levelsForm(level: (index: number) => string, extra: Record<string, string | File> = {}) {
  const form = new FormData();
  form.append("intent", "kirim");
  form.append("tahun", "2023");
  levelFields.forEach((name, index) => form.append(name, level(index)));
  for (const [name, value] of Object.entries(extra)) form.append(name, value);
  return form;
}
const pdf = (name = "LHE SPBE 2023 Lombok Barat.pdf") => new File([PDF], name, { type: "application/pdf" });

beforeAll(async () => {
  app = await startTestApp();
  [editor, otherEditor, member, curator] = await Promise.all([
    createSignedInUser("editor", REGION),
    createSignedInUser("editor", "52.02"),
    createSignedInUser("member", REGION),
    createSignedInUser("curator"),
  ]);
  const tree = await getFrameworkTree(SPBE_2020);
  levelFields = [...tree.indicatorsById.keys()].map((id) => `level_${id}`);
});
afterAll(() => app.close());

describe("reporting levels from the evaluation report", () => {
  it("is for the region's own editors only", async () => {
    const form = await (await request(app.origin, path, { cookie: editor.cookie })).text();
    expect(text(form)).toContain("Kebijakan internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah telah ditetapkan.");
    for (const user of [otherEditor, member, curator]) {
      expect((await request(app.origin, path, { cookie: user.cookie })).status).toBe(403);
      expect((await request(app.origin, path, { cookie: user.cookie, form: levelsForm(() => "3", { laporan: pdf() }) })).status).toBe(403);
    }
    expect((await request(app.origin, path)).status).toBe(302);
    expect(await db().select().from(levelSubmissions).where(eq(levelSubmissions.regionCode, REGION))).toEqual([]);
  });

  it("fills the form from a spreadsheet, naming what is missing", async () => {
    const rows = Array.from({ length: 47 }, (_, index) => `${index + 1};3`).join("\n");
    const fill = (sheet: string) => {
      const form = new FormData();
      form.append("intent", "lembar");
      form.append("lembar_kerja", new File([sheet], "tingkat.csv"));
      return request(app.origin, path, { cookie: editor.cookie, form });
    };
    const filled = await fill(`indikator;tingkat\n${rows}\n`);
    expect(filled.status).toBe(200);
    const html = await filled.text();
    expect(text(html)).toContain("Semua 47 tingkat terisi dari lembar kerja.");
    const checked = [...html.matchAll(/<input[^>]*type="radio"[^>]*>/g)].filter((input) => /checked=""/.test(input[0]));
    expect(checked).toHaveLength(47);
    for (const input of checked) expect(input[0]).toContain('value="3"');
    const partial = await fill("indikator;tingkat\n1;3\n1;4\n2;9\n");
    expect(partial.status).toBe(400);
    const problems = text(await partial.text());
    expect(problems).toContain("indikator 1 (2) muncul dua kali");
    expect(problems).toContain("tingkat harus bilangan bulat 1–5 (indikator 2: 9)");
    expect(problems).toMatch(/Indikator belum ada di lembar kerja: 3, 4, 5/);
  });

  it("refuses a submission without a PDF report or with missing levels, keeping what was entered", async () => {
    const noReport = await request(app.origin, path, { cookie: editor.cookie, form: levelsForm(() => "3", { indeks_laporan: "2,77" }) });
    expect(noReport.status).toBe(400);
    const page = await noReport.text();
    expect(text(page)).toContain("Pilih berkas untuk diunggah.");
    expect(page).toContain('value="2,77"');
    const png = new File([Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex")], "laporan.pdf");
    expect(text(await (await request(app.origin, path, { cookie: editor.cookie, form: levelsForm(() => "3", { laporan: png }) })).text())).toContain("Unggah laporan dalam bentuk PDF.");
    const missing = await request(app.origin, path, { cookie: editor.cookie, form: levelsForm((index) => (index < 45 ? "3" : ""), { laporan: pdf() }) });
    expect(missing.status).toBe(400);
    expect(text(await missing.text())).toContain("2 indikator belum diberi tingkat.");
    const ambiguous = await request(app.origin, path, { cookie: editor.cookie, form: levelsForm(() => "3", { laporan: pdf(), indeks_laporan: "3.620" }) });
    expect(text(await ambiguous.text())).toContain("Angka ini bisa berarti 3.620 atau 3,62.");
    expect(await db().select().from(levelSubmissions).where(eq(levelSubmissions.regionCode, REGION))).toEqual([]);
  });

  it("goes to a curator, and counts as verified levels only once verified", async () => {
    const submitted = await request(app.origin, path, { cookie: editor.cookie, form: levelsForm(() => "3", { laporan: pdf(), indeks_laporan: "2,77" }) });
    expect(submitted.status).toBe(302);
    // A corrected submission for the same year replaces the one still waiting.
    expect((await request(app.origin, path, { cookie: editor.cookie, form: levelsForm((index) => (index === 0 ? "4" : "3"), { laporan: pdf(), indeks_laporan: "2,77" }) })).status).toBe(302);
    const submissions = await db().select().from(levelSubmissions).where(eq(levelSubmissions.regionCode, REGION)).orderBy(levelSubmissions.id);
    expect(submissions.map((submission) => submission.status)).toEqual(["superseded", "submitted"]);
    const id = submissions[1]!.id;
    expect(await db().select().from(assessments).where(and(eq(assessments.regionCode, REGION), eq(assessments.kind, "verified")))).toEqual([]);

    // Waiting: its report is for the region and Kemendagri, not for other regions' staff.
    expect((await request(app.origin, `/laporan-evaluasi/${id}`, { cookie: otherEditor.cookie })).status).toBe(404);
    const report = await request(app.origin, `/laporan-evaluasi/${id}`, { cookie: curator.cookie });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-disposition")).toContain("attachment;");
    expect(await report.text()).toBe(PDF);

    const queue = text(await (await request(app.origin, "/kurasi/level-resmi", { cookie: curator.cookie })).text());
    expect(queue).toContain("Kabupaten Lombok Barat 2023 2,77");
    const review = text(await (await request(app.origin, `/kurasi/level-resmi/${id}`, { cookie: curator.cookie })).text());
    expect(review).toMatch(/Dihitung dari tingkat yang dilaporkan 3,0\d/);
    expect(review).toContain("Berbeda lebih dari 0,01 dari indeks yang dihitung");

    // Only curators decide; returning needs a reason.
    const verify = new URLSearchParams({ keputusan: "verifikasi", catatan: "" });
    expect((await request(app.origin, `/kurasi/level-resmi/${id}`, { cookie: editor.cookie, form: verify })).status).toBe(403);
    expect((await request(app.origin, `/kurasi/level-resmi`, { cookie: editor.cookie })).status).toBe(403);
    const noReason = await request(app.origin, `/kurasi/level-resmi/${id}`, { cookie: curator.cookie, form: new URLSearchParams({ keputusan: "kembalikan", catatan: " " }) });
    expect(noReason.status).toBe(400);
    expect(text(await noReason.text())).toContain("Tuliskan alasannya");

    expect((await request(app.origin, `/kurasi/level-resmi/${id}`, { cookie: curator.cookie, form: verify })).status).toBe(302);
    // Deciding twice (a double click, a second curator) changes nothing.
    expect((await request(app.origin, `/kurasi/level-resmi/${id}`, { cookie: curator.cookie, form: verify })).status).toBe(409);

    const [verified] = await db()
      .select({ id: assessments.id, computedIndex: assessments.computedIndex, submissionId: assessments.submissionId, sourceKind: sources.kind, citation: sources.citation })
      .from(assessments)
      .innerJoin(sources, eq(sources.id, assessments.sourceId))
      .where(and(eq(assessments.regionCode, REGION), eq(assessments.kind, "verified"), eq(assessments.year, 2023)));
    expect(verified).toMatchObject({ submissionId: id, sourceKind: "evaluation_report", citation: "Laporan Hasil Evaluasi SPBE 2023, Kabupaten Lombok Barat" });
    expect(await db().select().from(assessmentLevels).where(eq(assessmentLevels.assessmentId, verified!.id))).toHaveLength(47);

    // The region's benchmark now draws its profile from the verified levels, flagged against the official 2,77.
    const benchmark = text(await (await request(app.origin, `/daerah/${REGION}/benchmark?tahun=2023`)).text());
    expect(benchmark).toMatch(/Tingkat terverifikasi terbaru \(2023\) 3,0\d Tingkat terverifikasi Indeks dari tingkat terverifikasi berbeda lebih dari 0,01/);
    expect(benchmark).toContain("Profil dari data 2023.");
    expect(benchmark).toContain("Laporan Hasil Evaluasi SPBE 2023, Kabupaten Lombok Barat");
    // Verified: any signed-in official may read the report; visitors may not.
    expect((await request(app.origin, `/laporan-evaluasi/${id}`, { cookie: otherEditor.cookie })).status).toBe(200);
    expect((await request(app.origin, `/laporan-evaluasi/${id}`)).status).toBe(404);
    expect(text(await (await request(app.origin, path, { cookie: editor.cookie })).text())).toContain("Terverifikasi");
  });
});
