import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, figureNotes } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { FORM_TOKEN_FIELD } from "../forms/form-token";
import { newFormToken } from "../forms/submit-once.server";

/**
 * The right of reply over real HTTP: Kabupaten Lombok Tengah (52.02, official 2023 index 2,69)
 * signs a note on its figure; curators hide; the note shows beside the figure and in exports.
 */
const REGION = "52.02";
let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Awaited<ReturnType<typeof createSignedInUser>>;
let otherEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/\s+/g, " ");
const note = (body: string, year = "2023", kind = "official") => new URLSearchParams({ intent: "tanggapan", tahun: year, jenis: kind, tanggapan: body });
const post = (cookie: string, form: URLSearchParams) => request(app.origin, `/daerah/${REGION}`, { cookie, form });
const notes = () => db().select().from(figureNotes).where(eq(figureNotes.regionCode, REGION)).orderBy(figureNotes.id);

beforeAll(async () => {
  app = await startTestApp();
  [editor, otherEditor, curator] = await Promise.all([createSignedInUser("editor", REGION), createSignedInUser("editor", "52.01"), createSignedInUser("curator")]);
});
afterAll(() => app.close());

describe("a region's note on its figure", () => {
  it("is signed by the region's editor, shown beside the figure and in the rankings download", async () => {
    const body = 'Dievaluasi dengan kerangka 2018; banding diajukan. <script>alert("x")</script>';
    // Sent twice with its form's token (a double click), kept once.
    const sent = note(body);
    sent.set(FORM_TOKEN_FIELD, newFormToken());
    expect((await post(editor.cookie, sent)).status).toBe(302);
    expect((await post(editor.cookie, sent)).status).toBe(302);
    expect(await notes()).toHaveLength(1);
    const page = await (await request(app.origin, `/daerah/${REGION}`)).text();
    expect(page).not.toContain('<script>alert("x")</script>');
    expect(text(page)).toMatch(/Tanggapan daerah : Dievaluasi dengan kerangka 2018; banding diajukan\. &lt;script&gt;alert\("x"\)&lt;\/script&gt; — Test editor \d+, \d{1,2} \w+ \d{4}/);
    const csv = await (await request(app.origin, "/peringkat.csv?tahun=2023&provinsi=52")).text();
    expect(csv.split("\r\n").find((line) => line.includes(REGION))).toContain("Dievaluasi dengan kerangka 2018");
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "figure_note.added")).orderBy(desc(auditLog.id)).limit(1);
    expect(entry?.actorId).toBe(editor.id);
  });

  it("refuses an empty, a too long or a misplaced note, keeping the text", async () => {
    const tooLong = await post(editor.cookie, note("x".repeat(501)));
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(text(html)).toContain("Terlalu panjang (maksimal 500 karakter).");
    expect(html).toContain("x".repeat(501));
    expect((await post(editor.cookie, note("  "))).status).toBe(400);
    // A year without a figure, and sample data, are not figures a region replies to.
    expect(text(await (await post(editor.cookie, note("x", "2019"))).text())).toContain("Angka ini tidak ditemukan");
    expect((await post(editor.cookie, note("x", "2023", "sample"))).status).toBe(400);
    expect((await post(editor.cookie, note("x", "abc"))).status).toBe(400);
    expect(await notes()).toHaveLength(1);
  });

  it("is only for the region's editors; hiding is only for curators, with a reason", async () => {
    for (const user of [otherEditor, curator]) expect((await post(user.cookie, note("bukan daerah saya"))).status).toBe(403);
    expect((await request(app.origin, `/daerah/${REGION}`, { form: note("anonim") })).status).toBe(302);
    const [{ id } = { id: 0 }] = await notes();
    const hide = (reason: string) => new URLSearchParams({ intent: "sembunyikan", catatan: String(id), alasan: reason });
    expect((await post(otherEditor.cookie, hide("spam"))).status).toBe(403);
    expect((await post(editor.cookie, hide("spam"))).status).toBe(403);
    // Another region's editor cannot withdraw it either.
    expect((await post(otherEditor.cookie, new URLSearchParams({ intent: "tarik", catatan: String(id) }))).status).toBe(403);
    expect((await post(curator.cookie, hide(" "))).status).toBe(400);
    expect((await post(curator.cookie, hide("Memuat kode skrip"))).status).toBe(302);
    expect(await notes()).toEqual([expect.objectContaining({ hiddenById: curator.id, hiddenReason: "Memuat kode skrip" })]);
    expect(text(await (await request(app.origin, `/daerah/${REGION}`)).text())).not.toContain("Dievaluasi dengan kerangka 2018");
    expect(text(await (await request(app.origin, "/kurasi/tanggapan", { cookie: curator.cookie })).text())).toContain("Disembunyikan kurator: Memuat kode skrip");
  });

  it("can be withdrawn by the region", async () => {
    expect((await post(editor.cookie, note("Banding dikabulkan,\u0000 menunggu keputusan baru."))).status).toBe(302);
    expect((await notes()).at(-1)?.body).toBe("Banding dikabulkan, menunggu keputusan baru.");
    const latest = (await notes()).at(-1)!;
    expect((await post(editor.cookie, new URLSearchParams({ intent: "tarik", catatan: String(latest.id) }))).status).toBe(302);
    expect((await notes()).at(-1)).toMatchObject({ hiddenReason: "withdrawn", hiddenById: editor.id });
    // A note of another region cannot be reached through this region's page.
    expect((await request(app.origin, "/daerah/52.01", { cookie: otherEditor.cookie, form: new URLSearchParams({ intent: "tarik", catatan: String(latest.id) }) })).status).toBe(404);
  });
});
