import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { practices } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { indicatorId, practiceForm } from "../../../tests/support/practice-factory";
import { db } from "../db.server";

/**
 * The knowledge base over real HTTP against the production build: hostile input in every
 * field, other regions' editors, concurrent editors, and fake files.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let sumedangEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let bloraEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;
let member: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  app = await startTestApp();
  [sumedangEditor, bloraEditor, curator, member] = await Promise.all([
    createSignedInUser("editor", "32.11"),
    createSignedInUser("editor", "33.16"),
    createSignedInUser("curator"),
    createSignedInUser("member", "33.16"),
  ]);
});
afterAll(() => app.close());

async function createDraft(cookie: string, fields: Record<string, string> = {}, extra: [string, string][] = []) {
  const response = await request(app.origin, "/praktik/baru", { cookie, form: practiceForm(fields, extra) });
  expect(response.status).toBe(302);
  return Number(/\/praktik\/(\d+)\//.exec(response.headers.get("location") ?? "")![1]);
}

const practiceCount = async () => (await db().select({ value: count() }).from(practices))[0]!.value;

describe("practices over HTTP", () => {
  it("renders script, event handlers and javascript: links in every field inert", async () => {
    const script = `<script>alert("x")</script>`;
    const id = await createDraft(
      sumedangEditor.cookie,
      {
        title: `Judul ${script}`,
        titleEn: `<img src=x onerror=alert(1)>`,
        summary: `Ringkasan ${script}`,
        body: `## Bagian\n\n${script}\n\n<img src=x onerror="alert(1)">\n\n[klik saya](javascript:alert(1))\n\n[aman](https://sumedangkab.go.id)`,
        leadOpd: script,
        partners: script,
        contact: `"><svg onload=alert(1)>`,
        contactConsent: "on",
        tags: `${script}, <b>tebal</b>`,
        legalBasis: script,
        budgetSource: script,
        lessonsLearned: script,
        replicationNeeds: script,
        sources: `Label ${script} | https://contoh.go.id\n${script}`,
        intent: "submit",
      },
      [
        ["metricName", script],
        ["metricBaseline", "1"],
        ["metricResult", "2"],
        ["metricUnit", script],
        ["metricBaselineYear", "2020"],
        ["metricResultYear", "2021"],
      ],
    );
    const commented = await request(app.origin, `/praktik/${id}/tinjauan`, { cookie: curator.cookie, form: { decision: "comment", comment: `Komentar ${script}`, version: "1" } });
    expect(commented.status).toBe(302);
    const published = await request(app.origin, `/praktik/${id}/tinjauan`, { cookie: curator.cookie, form: { decision: "publish", comment: "", version: "1" } });
    expect(published.status).toBe(302);
    const question = await request(app.origin, `/praktik/${id}`, { cookie: member.cookie, form: { intent: "ask", body: `Tanya ${script}` } });
    expect(question.status).toBe(302);

    for (const path of [`/praktik/${id}`, `/praktik?tag=${encodeURIComponent("<b>tebal</b>")}`, "/daerah/32.11", `/praktik/${id}/riwayat`, `/praktik/${id}/tinjauan`, "/praktik/kelola?status=semua"]) {
      const html = await (await request(app.origin, path, { cookie: curator.cookie })).text();
      expect(html, path).not.toContain(script);
      expect(html, path).not.toMatch(/<img[^>]+onerror/i);
      expect(html, path).not.toMatch(/<svg[^>]+onload/i);
      expect(html, path).not.toMatch(/href="javascript:/i);
      expect(html, path).not.toContain("<b>tebal</b>");
    }
    const page = await (await request(app.origin, `/praktik/${id}`)).text();
    expect(page).toContain("&lt;script&gt;");
    expect(page).toContain('href="https://sumedangkab.go.id" rel="nofollow ugc noopener"');
  });

  it("refuses a body over 200,000 characters with the field's message, keeping the text, saving nothing", async () => {
    const before = await practiceCount();
    const body = "a".repeat(200_001);
    const response = await request(app.origin, "/praktik/baru", { cookie: sumedangEditor.cookie, form: practiceForm({ body }) });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Terlalu panjang (maksimal 200.000 karakter).");
    expect(html).toContain(body);
    expect(await practiceCount()).toBe(before);
  });

  it("refuses unknown indicators and a stage outside the list", async () => {
    const response = await request(app.origin, "/praktik/baru", {
      cookie: sumedangEditor.cookie,
      form: practiceForm({ stage: "selesai" }, [["indicatorIds", "not-a-number"]]),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Pilih tahap dari daftar.");
  });

  it("keeps drafts from other regions' editors, members and visitors", async () => {
    const id = await createDraft(sumedangEditor.cookie, { title: "Draf Sumedang" });
    for (const path of [`/praktik/${id}`, `/praktik/${id}/ubah`, `/praktik/${id}/tinjauan`, `/praktik/${id}/riwayat`, `/praktik/${id}/lampiran`, `/praktik/${id}/adopsi`]) {
      expect((await request(app.origin, path, { cookie: bloraEditor.cookie })).status, path).toBe(403);
      expect((await request(app.origin, path, { cookie: member.cookie })).status, path).toBe(403);
    }
    expect((await request(app.origin, `/praktik/${id}`)).status).toBe(404);
    const edit = await request(app.origin, `/praktik/${id}/ubah`, { cookie: bloraEditor.cookie, form: practiceForm({ title: "Dibajak", version: "1" }) });
    expect(edit.status).toBe(403);
    const submit = await request(app.origin, `/praktik/${id}/tinjauan`, { cookie: bloraEditor.cookie, form: { decision: "submit", comment: "", version: "1" } });
    expect(submit.status).toBe(403);
    const selfPublish = await request(app.origin, `/praktik/${id}/tinjauan`, { cookie: sumedangEditor.cookie, form: { decision: "publish", comment: "", version: "1" } });
    expect(selfPublish.status).toBe(403);
    expect((await request(app.origin, `/praktik/${id}`, { cookie: sumedangEditor.cookie })).status).toBe(200);
    expect((await request(app.origin, `/praktik/${id}`, { cookie: curator.cookie })).status).toBe(200);
  });

  it("gives the second of two editors a conflict with their text kept, and loses nothing", async () => {
    const id = await createDraft(sumedangEditor.cookie);
    const other = await createSignedInUser("editor", "32.11");
    const first = await request(app.origin, `/praktik/${id}/ubah`, { cookie: sumedangEditor.cookie, form: practiceForm({ title: "Versi editor pertama", version: "1" }) });
    expect(first.status).toBe(302);
    const second = await request(app.origin, `/praktik/${id}/ubah`, {
      cookie: other.cookie,
      form: practiceForm({ title: "Versi editor kedua", body: "Teks panjang editor kedua", version: "1" }),
    });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("Orang lain menyimpan perubahan lebih dulu");
    expect(html).toContain("Versi editor kedua");
    expect(html).toContain("Teks panjang editor kedua");
    expect(html).toContain('name="version" value="2"');
    const page = await (await request(app.origin, `/praktik/${id}`, { cookie: sumedangEditor.cookie })).text();
    expect(page).toContain("Versi editor pertama");
  });

  it("needs a comment to request changes", async () => {
    const id = await createDraft(sumedangEditor.cookie, { intent: "submit" });
    const response = await request(app.origin, `/praktik/${id}/tinjauan`, { cookie: curator.cookie, form: { decision: "request_changes", comment: " ", version: "1" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Wajib diisi.");
  });

  it("checks uploads by content: a fake PDF is refused, a real image is stored and served", async () => {
    const id = await createDraft(sumedangEditor.cookie);
    const upload = (name: string, bytes: Uint8Array<ArrayBuffer>, type: string) => {
      const form = new FormData();
      form.append("version", "1");
      form.append("file", new File([bytes], name, { type }));
      return request(app.origin, `/praktik/${id}/lampiran`, { cookie: sumedangEditor.cookie, form });
    };
    const fake = await upload("laporan.pdf", new TextEncoder().encode("<html><script>alert(1)</script></html>"), "application/pdf");
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain("Hanya gambar (JPEG, PNG, WebP, GIF) dan PDF.");

    const png = new Uint8Array(Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2d4e1ae0000000049454e44ae426082", "hex"));
    const stored = await upload("foto kegiatan.png", png, "image/png");
    expect(stored.status).toBe(200);
    const page = await (await request(app.origin, `/praktik/${id}/lampiran`, { cookie: sumedangEditor.cookie })).text();
    const href = /\/lampiran\/(\d+)\/[^"]+/.exec(page)![0];
    const file = await request(app.origin, href, { cookie: sumedangEditor.cookie });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
    expect((await request(app.origin, href)).status).toBe(404);
    expect((await request(app.origin, href, { cookie: bloraEditor.cookie })).status).toBe(404);
  });

  it("refuses a file over 10 MB with a clear message", async () => {
    const id = await createDraft(sumedangEditor.cookie);
    const form = new FormData();
    form.append("version", "1");
    form.append("file", new File([new Uint8Array(10 * 1024 * 1024 + 1)], "besar.pdf", { type: "application/pdf" }));
    const response = await request(app.origin, `/praktik/${id}/lampiran`, { cookie: sumedangEditor.cookie, form });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Berkas terlalu besar (maksimal 10 MB).");
  });

  it("renders the Markdown preview only for signed-in writers", async () => {
    const form = { body: "## Judul\n\n<script>x</script>" };
    const visitor = await request(app.origin, "/praktik/pratinjau", { form });
    expect(visitor.status).toBe(302);
    const preview = await request(app.origin, "/praktik/pratinjau", { cookie: sumedangEditor.cookie, form, headers: { Accept: "application/json" } });
    expect(preview.status).toBe(200);
  });

  it("filters the public list by indicator from the URL and shrugs off junk parameters", async () => {
    const indicator = await indicatorId(42);
    expect(indicator).toBeGreaterThan(0);
    const filtered = await (await request(app.origin, "/praktik?indikator=42")).text();
    expect(filtered).toContain("SIAP LAPOR");
    expect(filtered).not.toContain("Smart Kampung");
    const junk = await request(app.origin, `/praktik?indikator=${"9".repeat(50)}&tahap=%22%3E&hal=-1&urut=x&provinsi=%27`);
    expect(junk.status).toBe(200);
  });

  it("shows a region's shared and adopted practices on its profile", async () => {
    const sumedang = await (await request(app.origin, "/daerah/32.11")).text();
    expect(sumedang).toContain("Diadopsi daerah lain");
    expect(sumedang).toContain("Kabupaten Blora");
    const blora = await (await request(app.origin, "/daerah/33.16")).text();
    expect(blora).toContain("Diadopsi dari daerah lain");
    expect(blora).toContain("Kabupaten Sumedang");
    const network = await (await request(app.origin, "/jaringan-adopsi")).text();
    expect(network).toMatch(/<svg[^>]*role="img"/);
    expect(network).toContain("<table");
  });
});

describe("practice adoption over HTTP", () => {
  it("records an adoption from another region's public practice", async () => {
    const [source] = await db().select({ id: practices.id }).from(practices).where(eq(practices.seedKey, "sumedang-command-center"));
    const id = await createDraft(bloraEditor.cookie, { title: "Command Center Blora" });
    const form = { intent: "record", sourceRegionCode: "32.11", sourcePracticeId: String(source!.id), note: "Studi banding 2023" };
    expect((await request(app.origin, `/praktik/${id}/adopsi`, { cookie: sumedangEditor.cookie, form })).status).toBe(403);
    const recorded = await request(app.origin, `/praktik/${id}/adopsi`, { cookie: bloraEditor.cookie, form });
    expect(recorded.status).toBe(302);
    const page = await (await request(app.origin, `/praktik/${id}`, { cookie: bloraEditor.cookie })).text();
    expect(page).toContain("Studi banding 2023");
    const bogus = await request(app.origin, `/praktik/${id}/adopsi`, { cookie: bloraEditor.cookie, form: { ...form, sourcePracticeId: "99999999" } });
    expect(bogus.status).toBe(400);
    expect(await bogus.text()).toContain("Praktik ini tidak ditemukan atau belum terbit.");
  });
});
