import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assessments, auditLog, frameworkCrosswalk } from "../../../db/schema";
import { testActor } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { getFrameworkSummary, getFrameworkTree, listCrosswalk, PEMDI_2026, reviewCrosswalkPair, SPBE_2020 } from "../frameworks/index.server";
import { predikatOf } from "../frameworks";
import { getAssessmentLevels, getExternallyScoredIndicators, latestLevelProfile, saveSelfAssessment, SelfAssessmentRefused } from "./assessments.server";
import { parseSelfAssessmentForm } from "./self-assessment";

const REGION = "33.16";

async function pemdi() {
  const [framework, tree] = await Promise.all([getFrameworkSummary(PEMDI_2026), getFrameworkTree(PEMDI_2026)]);
  const external = await getExternallyScoredIndicators(framework!.id);
  const shape = { indicatorIds: [...tree.indicatorsById.keys()], externallyScored: new Set(external.keys()), scale: { min: 1, max: 5 } };
  return { framework: framework!, tree, external, shape };
}

const selfRow = (frameworkId: number, year: number) =>
  db()
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, REGION), eq(assessments.frameworkId, frameworkId), eq(assessments.year, year), eq(assessments.kind, "self")));

describe("a Pemdi 2026 self-assessment", () => {
  it("is saved with the index and predikat of the Pemdi bands, the external scores kept beside their levels", async () => {
    const { framework, tree, external, shape } = await pemdi();
    const editor = await testActor("editor", REGION);
    expect([...external.values()]).toEqual([expect.stringContaining("Bappenas"), expect.stringContaining("BIG"), expect.stringContaining("BPS")]);
    // Every indicator at level 1 except user satisfaction (aspect 7, weight 25) at 3; the three
    // externally scored indicators entered as Indonesian decimals that round down to 1.
    const form = new FormData();
    for (const [id, indicator] of tree.indicatorsById) {
      if (external.has(id)) form.set(`external_${id}`, "1,99");
      else form.set(`level_${id}`, indicator.number >= 19 ? "3" : "1");
    }
    const { entries, errors } = parseSelfAssessmentForm(form, shape, "id");
    expect(errors).toEqual({});
    await saveSelfAssessment({ regionCode: REGION, year: 2026, entries, nodes: tree.nodes, framework, actorId: editor.id, ip: "127.0.0.1" });

    const [row] = await selfRow(framework.id, 2026);
    // 75 % of the weight at 1 and 25 % at 3: 0.75 × 1 + 0.25 × 3 = 1.50.
    expect(row?.computedIndex).toBeCloseTo(1.5, 4);
    expect(row?.frameworkVersion).toBe(framework.version);
    // Pemdi's bands start Cukup at 1.50; SPBE 2020's would call 1.50 Kurang (Cukup from 1.80).
    expect(predikatOf(framework, row!.computedIndex)).toBe("Cukup");
    expect(predikatOf((await getFrameworkSummary(SPBE_2020))!, row!.computedIndex)).toBe("Kurang");
    const levels = await getAssessmentLevels(row!.id);
    for (const id of external.keys()) expect(levels.get(id)).toMatchObject({ level: 1, externalScore: 1.99 });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "assessment.self_saved"), eq(auditLog.targetId, String(row!.id))));
    expect(audit?.after).toMatchObject({ framework: PEMDI_2026, year: 2026, levels: 20 });
  });

  it("refuses another framework's indicators or a year it does not cover, changing nothing", async () => {
    const { framework, tree } = await pemdi();
    const spbeTree = await getFrameworkTree(SPBE_2020);
    const editor = await testActor("editor", REGION);
    const [before] = await selfRow(framework.id, 2026);
    const beforeLevels = before ? await getAssessmentLevels(before.id) : new Map();
    const entry = { level: 4, note: "", evidenceUrl: "", externalScore: null };
    const mixed = new Map([...[...tree.indicatorsById.keys()].map((id) => [id, entry] as const), [[...spbeTree.indicatorsById.keys()][0]!, entry]]);
    const save = (year: number, entries: typeof mixed) => saveSelfAssessment({ regionCode: REGION, year, entries, nodes: tree.nodes, framework, actorId: editor.id, ip: "127.0.0.1" });

    await expect(save(2026, mixed)).rejects.toEqual(new SelfAssessmentRefused("indicators"));
    const onlyPemdi = new Map([...tree.indicatorsById.keys()].map((id) => [id, entry] as const));
    await expect(save(2025, onlyPemdi)).rejects.toEqual(new SelfAssessmentRefused("year"));

    const [after] = await selfRow(framework.id, 2026);
    expect(after?.updatedAt).toEqual(before?.updatedAt);
    expect(after?.computedIndex).toEqual(before?.computedIndex);
    expect(after ? await getAssessmentLevels(after.id) : new Map()).toEqual(beforeLevels);
    expect(await selfRow(framework.id, 2025)).toEqual([]);
    const audits = await db().select().from(auditLog).where(eq(auditLog.actorId, editor.id));
    expect(audits).toEqual([]);
  });
});

describe("the crosswalk", () => {
  it("is seeded as proposed SPBE 2020 → Pemdi 2026 aspect pairs, and a curator's decision is audited and kept", async () => {
    const pairs = await listCrosswalk(SPBE_2020, PEMDI_2026);
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    expect(new Set(pairs.map((pair) => pair.from.number))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    const curator = await testActor("curator");
    const pair = pairs.find((each) => each.from.number === 4 && each.to.number === 2)!;
    expect(await reviewCrosswalkPair({ id: pair.id, status: "confirmed", actorId: curator.id, ip: "127.0.0.1" })).toBe(true);
    expect(await reviewCrosswalkPair({ id: 2_000_000_000, status: "confirmed", actorId: curator.id, ip: "127.0.0.1" })).toBe(false);
    const [stored] = await db().select().from(frameworkCrosswalk).where(eq(frameworkCrosswalk.id, pair.id));
    expect(stored).toMatchObject({ status: "confirmed", reviewedById: curator.id });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "framework.crosswalk_reviewed"), eq(auditLog.actorId, curator.id)));
    expect(audit).toMatchObject({ targetId: String(pair.id), before: { status: pair.status }, after: { status: "confirmed" } });
    await reviewCrosswalkPair({ id: pair.id, status: "proposed", actorId: curator.id, ip: "127.0.0.1" });
  });

  it("finds a region's latest SPBE profile with levels, verified before self-assessed", async () => {
    const spbe = (await getFrameworkSummary(SPBE_2020))!;
    const tree = await getFrameworkTree(SPBE_2020);
    const editor = await testActor("editor", "35.10");
    const entries = new Map([...tree.indicatorsById.keys()].map((id) => [id, { level: 3, note: "", evidenceUrl: "", externalScore: null }] as const));
    await saveSelfAssessment({ regionCode: "35.10", year: 2025, entries, nodes: tree.nodes, framework: spbe, actorId: editor.id, ip: "127.0.0.1" });
    const profile = await latestLevelProfile("35.10", SPBE_2020);
    expect(profile).toMatchObject({ year: 2025, kind: "self", index: 3 });
    const firstAspect = tree.groups[0]!.groups[0]!;
    expect(profile?.subIndices[String(firstAspect.id)]).toBeCloseTo(3, 4);
    expect(await latestLevelProfile("35.10", PEMDI_2026)).toBeNull();
  });
});
