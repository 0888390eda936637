import { describe, expect, it } from "vitest";
import { frameworkNodesFromFile } from "../../../tests/support/framework-file";
import { predikatOf } from "./predikat";
import { computeFrameworkIndex, indexMismatch } from "./framework-index";

const { nodes, indicators } = frameworkNodesFromFile("spbe-2020-framework");
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
    expect(predikatOf({ bands, decimals: 2 }, result.index)).toBe("Baik");
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

describe("computeFrameworkIndex (Indeks Pemerintah Digital 2026: aspects hold indicators, no domains)", () => {
  const pemdi = frameworkNodesFromFile("pemdi-2026-framework");
  const pemdiScale = { bands: pemdi.bands, decimals: 2 };
  const pemdiAllAt = (level: number) => new Map(pemdi.indicators.map((node) => [node.id, level]));

  it("reads the two-level tree: 7 aspects, 20 indicators, weights summing to 100", () => {
    expect(pemdi.nodes.filter((node) => node.kind === "aspect")).toHaveLength(7);
    expect(pemdi.nodes.some((node) => node.kind === "domain")).toBe(false);
    expect(pemdi.indicators).toHaveLength(20);
    expect(pemdi.indicators.reduce((sum, node) => sum + node.weight, 0)).toBeCloseTo(100, 10);
  });

  it("gives 1.00 when every indicator is at level 1 and 5.00 at level 5", () => {
    expect(computeFrameworkIndex(pemdi.nodes, pemdiAllAt(1)).index).toBeCloseTo(1, 10);
    expect(computeFrameworkIndex(pemdi.nodes, pemdiAllAt(5)).index).toBeCloseTo(5, 10);
  });

  it("gives 2.00 with only the user-satisfaction aspect (25 %) at 5 and the rest at 1", () => {
    // Hand computation: 25 × 5 + 75 × 1 = 200 → 200 / 100 = 2.00.
    const satisfaction = pemdi.nodes.find((node) => node.kind === "aspect" && node.number === 7)!;
    const levels = new Map(pemdi.indicators.map((node) => [node.id, node.parentId === satisfaction.id ? 5 : 1]));
    const result = computeFrameworkIndex(pemdi.nodes, levels);
    expect(result.index).toBeCloseTo(2, 10);
    expect(result.subIndices[satisfaction.id]).toBeCloseTo(5, 10);
    expect(predikatOf(pemdiScale, result.index)).toBe("Cukup");
  });

  it.each([
    [1.49, "Kurang"],
    [1.5, "Cukup"],
    [2.49, "Cukup"],
    [2.5, "Baik"],
    [3.49, "Baik"],
    [3.5, "Sangat Baik"],
    [3.99, "Sangat Baik"],
    [4.0, "Memuaskan"],
  ])("puts %s in the Pemdi band %s (1,5 / 2,5 / 3,5 / 4,0, not SPBE's)", (value, band) => {
    expect(predikatOf(pemdiScale, value)).toBe(band);
  });
});

// Predikat boundaries (1.8 / 2.6 / 3.5 / 4.2, judged after rounding) are tested with
// predikatOf in app/modules/frameworks/predikat.test.ts.

describe("indexMismatch", () => {
  it("flags computed vs reported differences over 0.01 only", () => {
    expect(indexMismatch(3.8149, 3.81)).toBe(false);
    expect(indexMismatch(3.82, 3.81)).toBe(false);
    expect(indexMismatch(3.83, 3.81)).toBe(true);
    expect(indexMismatch(null, 3.81)).toBe(false);
  });
});
