import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assessments, frameworkNodes, frameworks } from "../../../db/schema";
import { db } from "../db.server";
import { storeAssessment } from "./assessments.server";

describe("storeAssessment", () => {
  it("records the framework version in force when the levels are stored, without the caller saying it", async () => {
    const slug = `uji-${randomUUID().slice(0, 8)}`;
    const [framework] = await db()
      .insert(frameworks)
      .values({ slug, name: slug, shortName: slug, scaleMin: 1, scaleMax: 5, decimals: 2, formula: "Rata-rata berbobot", version: 3 })
      .returning({ id: frameworks.id });
    const frameworkId = framework!.id;
    const nodes = await db()
      .insert(frameworkNodes)
      .values([1, 2].map((number) => ({ frameworkId, kind: "indicator" as const, number, name: `Indikator ${number}`, weight: 50 })))
      .returning({ id: frameworkNodes.id, parentId: frameworkNodes.parentId, kind: frameworkNodes.kind, number: frameworkNodes.number, weight: frameworkNodes.weight });
    const id = await storeAssessment(
      { regionCode: "32.11", frameworkId, year: 2026, kind: "self", levels: new Map([[nodes[0]!.id, { level: 2 }], [nodes[1]!.id, { level: 4 }]]) },
      nodes,
    );
    expect(await db().query.assessments.findFirst({ where: eq(assessments.id, id) })).toMatchObject({ computedIndex: 3, frameworkVersion: 3 });

    await db().update(frameworks).set({ version: 4 }).where(eq(frameworks.id, frameworkId));
    await storeAssessment({ regionCode: "32.11", frameworkId, year: 2026, kind: "self", levels: new Map([[nodes[0]!.id, { level: 5 }], [nodes[1]!.id, { level: 5 }]]) }, nodes);
    expect(await db().query.assessments.findFirst({ where: eq(assessments.id, id) })).toMatchObject({ computedIndex: 5, frameworkVersion: 4 });
  });
});
