import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { getFrameworkSummary, getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { saveSelfAssessment } from "./assessments.server";
import { invalidateBenchmarkData } from "./benchmark-data.server";

/**
 * A self-assessment is the region's working figure: its own members and editors and Kemendagri
 * see it; nobody else, on any page or export, until the region publishes it.
 */
const REGION = "33.16";
// SPBE 2020 applies until 2025 (Pemdi 2026 from 2026): its last year takes self-assessments.
const YEAR = 2025;
let app: Awaited<ReturnType<typeof startTestApp>>;
let people: Record<"editor" | "member" | "otherMember" | "curator", Awaited<ReturnType<typeof createSignedInUser>>>;

const SELF_LABEL = `Penilaian mandiri terbaru (${YEAR})`;
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const pageAs = async (cookie: string | undefined, path: string) => text(await (await request(app.origin, path, { cookie })).text());

beforeAll(async () => {
  app = await startTestApp();
  const [editor, member, otherMember, curator] = await Promise.all([
    createSignedInUser("editor", REGION),
    createSignedInUser("member", REGION),
    createSignedInUser("member", "32.11"),
    createSignedInUser("curator"),
  ]);
  people = { editor, member, otherMember, curator };
  const tree = await getFrameworkTree(SPBE_2020);
  const framework = await getFrameworkSummary(SPBE_2020);
  await saveSelfAssessment({
    regionCode: REGION,
    year: YEAR,
    entries: new Map([...tree.indicatorsById.keys()].map((id) => [id, { level: 4, note: "", evidenceUrl: "", externalScore: null }])),
    nodes: tree.nodes,
    framework: framework!,
    actorId: editor.id,
    ip: "127.0.0.1",
  });
  await invalidateBenchmarkData();
});
afterAll(() => app.close());

describe("an unpublished self-assessment", () => {
  it("is seen by the region's own people and Kemendagri only", async () => {
    const path = `/daerah/${REGION}/benchmark?tahun=${YEAR}`;
    expect(await pageAs(undefined, path)).not.toContain(SELF_LABEL);
    expect(await pageAs(people.otherMember.cookie, path)).not.toContain(SELF_LABEL);
    for (const insider of [people.member, people.editor, people.curator]) expect(await pageAs(insider.cookie, path)).toContain(SELF_LABEL);
  });

  it("stays out of public rankings, exports and the profile", async () => {
    // With no self-assessment anyone may see, the view is not offered and the official one shows.
    expect(await pageAs(undefined, `/peringkat?data=mandiri&tahun=${YEAR}`)).not.toContain("Penilaian mandiri");
    expect(await (await request(app.origin, `/peringkat.csv?data=mandiri&tahun=${YEAR}`)).text()).not.toContain("Penilaian mandiri");
    expect(await pageAs(undefined, `/daerah/${REGION}`)).not.toContain("Penilaian mandiri");
    const insiders = await pageAs(people.member.cookie, `/peringkat?data=mandiri&tahun=${YEAR}`);
    expect(insiders).toContain(`Peringkat Indeks SPBE 2020 tahun ${YEAR} Penilaian mandiri`);
    expect(insiders).toContain("Blora");
  });
});

describe("publishing", () => {
  it("is for the region's editors, and shows the figure to everyone, labelled", async () => {
    const path = `/daerah/${REGION}/penilaian-mandiri?tahun=${YEAR}`;
    expect(await pageAs(people.editor.cookie, path)).toContain("Belum dipublikasikan");
    const byCurator = await request(app.origin, path, { cookie: people.curator.cookie, form: { intent: "publikasikan" } });
    expect(byCurator.status).toBe(403);
    const published = await request(app.origin, path, { cookie: people.editor.cookie, form: { intent: "publikasikan" } });
    expect(published.status).toBe(302);
    expect(await pageAs(undefined, `/daerah/${REGION}/benchmark?tahun=${YEAR}`)).toContain(`${SELF_LABEL} 4,00`);
    expect(await pageAs(undefined, `/peringkat?data=mandiri&tahun=${YEAR}`)).toContain(`Peringkat Indeks SPBE 2020 tahun ${YEAR} Penilaian mandiri`);

    const withdrawn = await request(app.origin, path, { cookie: people.editor.cookie, form: { intent: "tarik" } });
    expect(withdrawn.status).toBe(302);
    expect(await pageAs(undefined, `/daerah/${REGION}/benchmark?tahun=${YEAR}`)).not.toContain(SELF_LABEL);
  });
});
