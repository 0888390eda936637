import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { predikatFor, roundIndex } from "../frameworks/predikat";
import { computeFrameworkIndex, type FrameworkNode, indexMismatch } from "./framework-index";

/** The real SPBE 2020 tree from the seed data, with ids assigned in file order. */
function spbe2020(): { nodes: FrameworkNode[]; indicators: FrameworkNode[] } {
  const file = JSON.parse(readFileSync(new URL("../../../db/seed/data/spbe-2020-framework.json", import.meta.url), "utf8"));
  const nodes: FrameworkNode[] = [];
  let id = 0;
  for (const domain of file.domains) {
    const domainId = ++id;
    nodes.push({ id: domainId, parentId: null, kind: "domain", number: domain.number, weight: domain.weight });
    for (const aspect of domain.aspects) {
      const aspectId = ++id;
      nodes.push({ id: aspectId, parentId: domainId, kind: "aspect", number: aspect.number, weight: aspect.weight });
      for (const indicator of aspect.indicators) {
        nodes.push({ id: ++id, parentId: aspectId, kind: "indicator", number: indicator.number, weight: indicator.weight });
      }
    }
  }
  return { nodes, indicators: nodes.filter((node) => node.kind === "indicator") };
}

const { nodes, indicators } = spbe2020();
const bands = [
  { name: "Kurang", minValue: 0 },
  { name: "Cukup", minValue: 1.8 },
  { name: "Baik", minValue: 2.6 },
  { name: "Sangat Baik", minValue: 3.5 },
  { name: "Memuaskan", minValue: 4.2 },
];
const allAt = (level: number) => new Map(indicators.map((node) => [node.id, level]));

describe("computeFrameworkIndex (SPBE 2020)", () => {
  it("gives 1.00 when every indicator is at level 1 and 5.00 at level 5", () => {
    expect(computeFrameworkIndex(nodes, allAt(1)).index).toBeCloseTo(1, 10);
    expect(computeFrameworkIndex(nodes, allAt(5)).index).toBeCloseTo(5, 10);
    for (const value of Object.values(computeFrameworkIndex(nodes, allAt(5)).subIndices)) expect(value).toBeCloseTo(5, 10);
  });

  it("weights indicators: domain 4 (Layanan, 45.5 %) at 5 and the rest at 1 gives 2.82", () => {
    // Hand computation: 45.5 × 5 + 54.5 × 1 = 282 → 282 / 100 = 2.82.
    const domain4 = nodes.find((node) => node.kind === "domain" && node.number === 4)!;
    const aspectIds = new Set(nodes.filter((node) => node.parentId === domain4.id).map((node) => node.id));
    const levels = new Map(indicators.map((node) => [node.id, aspectIds.has(node.parentId!) ? 5 : 1]));
    const result = computeFrameworkIndex(nodes, levels);
    expect(result.index).toBeCloseTo(2.82, 10);
    expect(result.subIndices[domain4.id]).toBeCloseTo(5, 10);
    expect(predikatFor(result.index!, bands)).toBe("Baik");
  });

  it("computes aspect sub-indices as weighted means of their indicators", () => {
    // Indicator 1 (weight 1.3) at 5, the other nine of aspect 1 (1.3 each) at 2: (5 + 9 × 2) / 10 = 2.3.
    const levels = allAt(2);
    levels.set(indicators.find((node) => node.number === 1)!.id, 5);
    const aspect1 = nodes.find((node) => node.kind === "aspect" && node.number === 1)!;
    expect(computeFrameworkIndex(nodes, levels).subIndices[aspect1.id]).toBeCloseTo(2.3, 10);
    // Whole index: 2 + (5 − 2) × 1.3 / 100 = 2.039.
    expect(computeFrameworkIndex(nodes, levels).index).toBeCloseTo(2.039, 10);
  });

  it("gives no index until every indicator has a level, but counts what is answered", () => {
    const levels = allAt(3);
    levels.delete(indicators[46]!.id);
    const result = computeFrameworkIndex(nodes, levels);
    expect(result).toMatchObject({ index: null, answered: 46, total: 47 });
  });
});

describe("predikat boundaries (SPBE 2020)", () => {
  it.each([
    [1.79, "Kurang"],
    [1.8, "Cukup"],
    [2.59, "Cukup"],
    [2.6, "Baik"],
    [3.49, "Baik"],
    [3.5, "Sangat Baik"],
    [4.19, "Sangat Baik"],
    [4.2, "Memuaskan"],
    [4.1996, "Memuaskan"],
  ])("%s → %s", (value, predikat) => {
    expect(predikatFor(value, bands)).toBe(predikat);
  });

  it("rounds half up like published results", () => {
    expect(roundIndex(2.825, 2)).toBe(2.83);
  });
});

describe("indexMismatch", () => {
  it("flags computed vs reported differences over 0.01 only", () => {
    expect(indexMismatch(3.8149, 3.81)).toBe(false);
    expect(indexMismatch(3.82, 3.81)).toBe(false);
    expect(indexMismatch(3.83, 3.81)).toBe(true);
    expect(indexMismatch(null, 3.81)).toBe(false);
  });
});
