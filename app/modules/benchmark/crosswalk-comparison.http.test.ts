import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { getFrameworkSummary, getFrameworkTree, listCrosswalk, PEMDI_2026, SPBE_2020 } from "../frameworks/index.server";
import { saveSelfAssessment } from "./assessments.server";

/** Kemendagri confirms aspect pairs; only confirmed ones put a region's SPBE profile beside its Pemdi self-assessment. */
const REGION = "32.12";
let app: Awaited<ReturnType<typeof startTestApp>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;
let editor: Awaited<ReturnType<typeof createSignedInUser>>;
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

beforeAll(async () => {
  app = await startTestApp();
  [curator, editor] = await Promise.all([createSignedInUser("curator"), createSignedInUser("editor", REGION)]);
  const [spbe, tree] = await Promise.all([getFrameworkSummary(SPBE_2020), getFrameworkTree(SPBE_2020)]);
  const entries = new Map([...tree.indicatorsById.keys()].map((id) => [id, { level: 3, note: "", evidenceUrl: "", externalScore: null }] as const));
  await saveSelfAssessment({ regionCode: REGION, year: 2025, entries, nodes: tree.nodes, framework: spbe!, actorId: editor.id, ip: "127.0.0.1" });
});
afterAll(() => app.close());

describe("the crosswalk page", () => {
  it("is for curators, who confirm a pair (audited); the Pemdi self-assessment then shows the SPBE profile beside it, labelled", async () => {
    expect((await request(app.origin, "/kurasi/padanan-kerangka", { cookie: editor.cookie })).status).toBe(403);
    const page = text(await (await request(app.origin, "/kurasi/padanan-kerangka", { cookie: curator.cookie })).text());
    expect(page).toContain("Padanan aspek antarkerangka");
    expect(page).toContain("Penyelenggara SPBE");
    expect(page).toContain("Diusulkan");

    const selfPage = `/daerah/${REGION}/penilaian-mandiri?kerangka=pemdi-2026`;
    expect(text(await (await request(app.origin, selfPage, { cookie: editor.cookie })).text())).toContain("Belum ada padanan aspek yang dikonfirmasi kurator");

    const pair = (await listCrosswalk(SPBE_2020, PEMDI_2026)).find((each) => each.from.number === 4 && each.to.number === 2)!;
    const confirmed = await request(app.origin, "/kurasi/padanan-kerangka", { cookie: curator.cookie, form: { padanan: String(pair.id), keputusan: "konfirmasi" } });
    expect(confirmed.status).toBe(302);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "framework.crosswalk_reviewed"), eq(auditLog.actorId, curator.id)));
    expect(audit).toMatchObject({ targetId: String(pair.id), after: { status: "confirmed" } });
    expect((await request(app.origin, "/kurasi/padanan-kerangka", { cookie: curator.cookie, form: { padanan: "999999999", keputusan: "konfirmasi" } })).status).toBe(400);
    expect((await request(app.origin, "/kurasi/padanan-kerangka", { cookie: editor.cookie, form: { padanan: String(pair.id), keputusan: "tolak" } })).status).toBe(403);

    const compared = text(await (await request(app.origin, selfPage, { cookie: editor.cookie })).text());
    expect(compared).toContain("Profil Indeks SPBE 2020 terakhir di samping penilaian ini");
    expect(compared).toContain("2. Penyelenggara — Indeks Pemdi 2026 · Penilaian mandiri 2026");
    expect(compared).toContain("4. Penyelenggara SPBE: 3,00 Indeks SPBE 2020 · Penilaian mandiri 2025");
    expect(compared).toContain("Dikonfirmasi kurator");
    // Only the confirmed pair: the proposed ones are not used.
    expect(compared).not.toContain("Perencanaan Strategis SPBE");

    await request(app.origin, "/kurasi/padanan-kerangka", { cookie: curator.cookie, form: { padanan: String(pair.id), keputusan: "usulan" } });
  });
});
