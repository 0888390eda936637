import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  assessmentLevels,
  assessments,
  auditLog,
  frameworkChanges,
  frameworkLevels,
  frameworkNodes,
  frameworkPredikatBands,
  frameworks,
  frameworkVersions,
  publishedResults,
  type StoredFrameworkDefinition,
} from "../../../db/schema";
import { upsertSource } from "../../../db/sources";
import { testActor } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { newFormToken } from "../forms/submit-once.server";
import { parseFrameworkEdit } from "./index";
import { decideFrameworkChange, getCuratedFramework, getFrameworkChangeReview, getFrameworkHistory, proposeFrameworkChange } from "./index.server";

const ip = "127.0.0.1";

/**
 * A framework of its own per test (two aspects of two indicators, bands at 1 and 3), with a
 * region's self-assessment and an official result of it, so changing it disturbs no other test.
 */
async function createFramework() {
  const slug = `uji-${randomUUID().slice(0, 8)}`;
  const [framework] = await db()
    .insert(frameworks)
    .values({ slug, name: `Kerangka ${slug}`, shortName: slug, scaleMin: 1, scaleMax: 5, decimals: 2, formula: "Rata-rata berbobot", sourceStatus: "secondary_sources" })
    .returning({ id: frameworks.id });
  const frameworkId = framework!.id;
  const node = async (parentId: number | null, kind: "aspect" | "indicator", number: number, weight: number) =>
    (await db().insert(frameworkNodes).values({ frameworkId, parentId, kind, number, name: `${kind} ${number}`, weight }).returning({ id: frameworkNodes.id }))[0]!.id;
  const aspect1 = await node(null, "aspect", 1, 60);
  const aspect2 = await node(null, "aspect", 2, 40);
  const indicators = [await node(aspect1, "indicator", 1, 30), await node(aspect1, "indicator", 2, 30), await node(aspect2, "indicator", 3, 20), await node(aspect2, "indicator", 4, 20)];
  await db().insert(frameworkLevels).values([1, 2, 3, 4, 5].map((level) => ({ frameworkId, level, name: `T${level}` })));
  await db().insert(frameworkPredikatBands).values([
    { frameworkId, name: "Baik", minValue: 3 },
    { frameworkId, name: "Kurang", minValue: 1 },
  ]);
  const current = (await getCuratedFramework(slug))!;
  await db().insert(frameworkVersions).values({ frameworkId, version: 1, definition: current.definition });

  // Levels 5, 1, 1, 1: index 2.2 with the seeded weights.
  const [assessment] = await db().insert(assessments).values({ regionCode: "32.11", frameworkId, year: 2026, kind: "self", computedIndex: 2.2, subIndices: {} }).returning({ id: assessments.id });
  await db()
    .insert(assessmentLevels)
    .values(indicators.map((nodeId, index) => ({ assessmentId: assessment!.id, nodeId, level: index === 0 ? 5 : 1 })));
  const sourceId = await upsertSource(db(), "news", `https://example.test/${slug}`);
  await db().insert(publishedResults).values({ frameworkId, regionCode: "32.11", year: 2026, value: 2.2, sourceId, origin: "seed" });
  return { slug, frameworkId, indicators, aspects: [aspect1, aspect2], assessmentId: assessment!.id };
}

/** The first indicator weighs 40 and the second 20 instead of 30 each. */
function reweighted(definition: StoredFrameworkDefinition, ids: { indicators: number[]; aspects: number[] }): StoredFrameworkDefinition {
  const weights = new Map([
    [ids.indicators[0]!, 40],
    [ids.indicators[1]!, 20],
  ]);
  return { ...definition, nodes: definition.nodes.map((node) => ({ ...node, weight: weights.get(node.id) ?? node.weight })), bands: [{ name: "Baik", minValue: 2.5 }, { name: "Kurang", minValue: 1 }] };
}

async function auditActions(changeId: number) {
  const rows = await db()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "framework_change"), eq(auditLog.targetId, String(changeId))))
    .orderBy(asc(auditLog.id));
  return rows.map((row) => row.action);
}

const statusOf = async (id: number) => (await db().query.frameworkChanges.findFirst({ where: eq(frameworkChanges.id, id) }))!.status;

describe("reviewed framework changes", () => {
  it("applies an approved change: weights, bands, a new version with its snapshot, recomputed self-assessments; published results keep their version; both steps audited", async () => {
    const test = await createFramework();
    const [proposer, reviewer] = [await testActor("curator"), await testActor("curator")];
    const before = (await getCuratedFramework(test.slug))!;
    const proposed = reweighted(before.definition, test);
    const id = await proposeFrameworkChange({ frameworkId: test.frameworkId, baseVersion: 1, proposed, reason: "Lampiran dibaca", actorId: proposer.id, ip });
    expect((await getCuratedFramework(test.slug))!.version).toBe(1);

    const review = (await getFrameworkChangeReview(test.slug, id))!;
    expect(review.diff.map((entry) => entry.kind)).toEqual(["nodeWeight", "nodeWeight", "band"]);
    // 5·40 + 1·20 + 1·20 + 1·20 = 260 → 2.60, now "Baik" from 2.5.
    expect(review.effect).toEqual({ assessments: 1, changed: 1, largestChange: 0.4, predikatChanged: 1 });

    expect(await decideFrameworkChange({ id, decision: "approve", note: "", actorId: reviewer.id, ip })).toEqual({ ok: true, version: 2 });
    const after = (await getCuratedFramework(test.slug))!;
    expect(after.version).toBe(2);
    expect(after.nodes.filter((node) => node.kind === "aspect").map((node) => node.weight)).toEqual([60, 40]);
    expect(after.nodes.find((node) => node.id === test.indicators[0])!.weight).toBe(40);
    expect(after.definition.bands).toEqual([
      { name: "Baik", minValue: 2.5 },
      { name: "Kurang", minValue: 1 },
    ]);
    const version = await db().query.frameworkVersions.findFirst({ where: and(eq(frameworkVersions.frameworkId, test.frameworkId), eq(frameworkVersions.version, 2)) });
    expect(version).toMatchObject({ changeId: id, definition: proposed });

    const assessment = await db().query.assessments.findFirst({ where: eq(assessments.id, test.assessmentId) });
    expect(assessment).toMatchObject({ computedIndex: 2.6, frameworkVersion: 2 });
    expect(assessment!.subIndices).toEqual({ [test.aspects[0]!]: 11 / 3, [test.aspects[1]!]: 1 });
    const published = await db().query.publishedResults.findFirst({ where: eq(publishedResults.frameworkId, test.frameworkId) });
    expect(published).toMatchObject({ value: 2.2, frameworkVersion: 1 });

    expect(await auditActions(id)).toEqual(["framework.change_proposed", "framework.change_approved"]);
    const history = await getFrameworkHistory(after);
    expect(history.map((entry) => [entry.version, entry.reason, entry.changes.length])).toEqual([
      [2, "Lampiran dibaca", 3],
      [1, null, 0],
    ]);
  });

  it("keeps one proposal when the same form is sent twice, and a new one from a new form", async () => {
    const test = await createFramework();
    const proposer = await testActor("curator");
    const definition = (await getCuratedFramework(test.slug))!.definition;
    const proposal = { frameworkId: test.frameworkId, baseVersion: 1, proposed: reweighted(definition, test), reason: "Koreksi bobot", actorId: proposer.id, ip, formToken: newFormToken() };
    const [first, replay] = await Promise.all([proposeFrameworkChange(proposal), proposeFrameworkChange(proposal)]);
    expect(replay).toBe(first);
    expect(await db().select({ id: frameworkChanges.id }).from(frameworkChanges).where(eq(frameworkChanges.frameworkId, test.frameworkId))).toEqual([{ id: first }]);
    expect(await proposeFrameworkChange({ ...proposal, formToken: newFormToken() })).not.toBe(first);
  });

  it("refuses the proposer's own approval (four eyes) and decides a double submit once", async () => {
    const test = await createFramework();
    const [proposer, reviewer] = [await testActor("curator"), await testActor("admin")];
    const definition = (await getCuratedFramework(test.slug))!.definition;
    const id = await proposeFrameworkChange({ frameworkId: test.frameworkId, baseVersion: 1, proposed: reweighted(definition, test), reason: "Koreksi", actorId: proposer.id, ip });
    expect(await decideFrameworkChange({ id, decision: "approve", note: "", actorId: proposer.id, ip })).toEqual({ ok: false, reason: "ownChange" });
    expect(await decideFrameworkChange({ id, decision: "reject", note: "Batal", actorId: proposer.id, ip })).toEqual({ ok: false, reason: "ownChange" });
    expect(await statusOf(id)).toBe("pending");

    const results = await Promise.all([1, 2].map(() => decideFrameworkChange({ id, decision: "approve", note: "", actorId: reviewer.id, ip })));
    expect(results).toContainEqual({ ok: true, version: 2 });
    expect(results).toContainEqual({ ok: false, reason: "notPending" });
    expect((await getCuratedFramework(test.slug))!.version).toBe(2);
    expect(await auditActions(id)).toEqual(["framework.change_proposed", "framework.change_approved"]);
  });

  it("supersedes a change made on an older version instead of applying it over the newer one", async () => {
    const test = await createFramework();
    const [proposer, reviewer] = [await testActor("curator"), await testActor("curator")];
    const definition = (await getCuratedFramework(test.slug))!.definition;
    const first = await proposeFrameworkChange({ frameworkId: test.frameworkId, baseVersion: 1, proposed: reweighted(definition, test), reason: "Pertama", actorId: proposer.id, ip });
    const second = await proposeFrameworkChange({ frameworkId: test.frameworkId, baseVersion: 1, proposed: { ...definition, statusNote: "Catatan lain" }, reason: "Kedua", actorId: proposer.id, ip });
    await decideFrameworkChange({ id: first, decision: "approve", note: "", actorId: reviewer.id, ip });
    expect(await statusOf(second)).toBe("superseded");
    expect(await decideFrameworkChange({ id: second, decision: "approve", note: "", actorId: reviewer.id, ip })).toEqual({ ok: false, reason: "notPending" });

    const stale = await proposeFrameworkChange({ frameworkId: test.frameworkId, baseVersion: 1, proposed: { ...definition, statusNote: "Terlambat" }, reason: "Ketiga", actorId: proposer.id, ip });
    expect(await decideFrameworkChange({ id: stale, decision: "approve", note: "", actorId: reviewer.id, ip })).toEqual({ ok: false, reason: "stale" });
    expect(await statusOf(stale)).toBe("superseded");
    expect(await auditActions(stale)).toEqual(["framework.change_proposed", "framework.change_superseded"]);
    const after = (await getCuratedFramework(test.slug))!;
    expect([after.version, after.definition.statusNote]).toEqual([2, null]);
  });

  it("changes nothing on a rejection, which needs a note", async () => {
    const test = await createFramework();
    const [proposer, reviewer] = [await testActor("curator"), await testActor("curator")];
    const before = (await getCuratedFramework(test.slug))!;
    const id = await proposeFrameworkChange({ frameworkId: test.frameworkId, baseVersion: 1, proposed: reweighted(before.definition, test), reason: "Koreksi", actorId: proposer.id, ip });
    expect(await decideFrameworkChange({ id, decision: "reject", note: " ", actorId: reviewer.id, ip })).toEqual({ ok: false, reason: "noteRequired" });
    expect(await decideFrameworkChange({ id, decision: "reject", note: "Sumber belum jelas", actorId: reviewer.id, ip })).toEqual({ ok: true, version: null });
    expect(await statusOf(id)).toBe("rejected");
    expect(await getCuratedFramework(test.slug)).toEqual(before);
    expect((await db().query.assessments.findFirst({ where: eq(assessments.id, test.assessmentId) }))!.frameworkVersion).toBe(1);
    expect(await auditActions(id)).toEqual(["framework.change_proposed", "framework.change_rejected"]);
  });

  it("stores nothing for an edit whose weights or bands are wrong", async () => {
    const test = await createFramework();
    const framework = (await getCuratedFramework(test.slug))!;
    const form = new FormData();
    form.set("versi", "1");
    for (const node of framework.nodes) {
      form.set(`nama_${node.id}`, node.name);
      if (node.kind === "indicator") form.set(`bobot_${node.id}`, node.id === test.indicators[0] ? "35" : String(node.weight));
    }
    for (const level of framework.definition.levels) form.set(`tingkat_${level.level}`, level.name);
    form.set("predikat_nama_0", "Baik");
    form.set("predikat_batas_0", "6");
    form.set("predikat_nama_1", "Kurang");
    form.set("predikat_batas_1", "1");
    form.set("status_sumber", "sumber_sekunder");
    form.set("alasan", "Coba");
    const parsed = parseFrameworkEdit(form, framework, "id");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.predikat_batas_0).toMatchObject({ code: "numberOutOfRange" });
    form.set("predikat_batas_0", "3");
    const weights = parseFrameworkEdit(form, framework, "id");
    expect(!weights.ok && weights.problems).toEqual([{ code: "weightsNotHundred", total: 105, field: "total" }]);
    expect(await db().select().from(frameworkChanges).where(eq(frameworkChanges.frameworkId, test.frameworkId))).toEqual([]);
  });

  it("accepts the editor's own form for each seeded framework as it stands (nothing to change)", async () => {
    for (const slug of ["spbe-2020", "pemdi-2026"]) {
      const framework = (await getCuratedFramework(slug))!;
      const form = new FormData();
      const written = (value: number) => String(value).replace(".", ",");
      form.set("versi", String(framework.version));
      for (const node of framework.definition.nodes) form.set(`nama_${node.id}`, node.name);
      for (const node of framework.nodes) if (node.kind === "indicator") form.set(`bobot_${node.id}`, written(node.weight));
      for (const level of framework.definition.levels) form.set(`tingkat_${level.level}`, level.name);
      framework.definition.bands.forEach((band, row) => {
        form.set(`predikat_nama_${row}`, band.name);
        form.set(`predikat_batas_${row}`, written(band.minValue));
      });
      form.set("status_sumber", framework.definition.sourceStatus === "official_text" ? "teks_resmi" : "sumber_sekunder");
      form.set("catatan_status", framework.definition.statusNote ?? "");
      form.set("alasan", "Tidak ada");
      const parsed = parseFrameworkEdit(form, framework, "id");
      expect(!parsed.ok && [parsed.errors, parsed.problems]).toEqual([{}, [{ code: "noChange", field: "form" }]]);
    }
  });
});
