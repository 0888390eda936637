import { describe, expect, it } from "vitest";
import { frameworkNodesFromFile } from "../../../tests/support/framework-file";
import { roundIndex } from "../frameworks";
import { computeFrameworkIndex } from "../frameworks";
import { levelsForTarget, plausibleIndex, seededRandom } from "./sample-levels";

const { nodes, indicators } = frameworkNodesFromFile("spbe-2020-framework");

function indexOf(levels: Map<number, number>): number {
  const result = computeFrameworkIndex(nodes, levels);
  expect(result.answered).toBe(47);
  return result.index!;
}

function expectValidLevels(levels: Map<number, number>) {
  expect([...levels.keys()].sort((a, b) => a - b)).toEqual(indicators.map((node) => node.id));
  for (const level of levels.values()) {
    expect(Number.isInteger(level)).toBe(true);
    expect(level).toBeGreaterThanOrEqual(1);
    expect(level).toBeLessThanOrEqual(5);
  }
}

describe("seededRandom", () => {
  it("repeats its sequence for a seed, differs between seeds and stays in [0, 1)", () => {
    const a = seededRandom("32.11:2022");
    const b = seededRandom("32.11:2022");
    const c = seededRandom("32.11:2023");
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    // Roughly uniform: the mean of 1000 draws is near 0.5.
    expect(first.reduce((sum, value) => sum + value, 0) / first.length).toBeCloseTo(0.5, 1);
  });
});

describe("levelsForTarget (SPBE 2020 weights)", () => {
  const twoDecimalTargets = [1.0, 1.8, 2.06, 2.6, 3.27, 3.81, 4.2, 5.0];
  const pick = seededRandom("test targets");
  const randomTwoDecimalTargets = Array.from({ length: 200 }, () => roundIndex(1 + 4 * pick(), 2));

  it.each([...twoDecimalTargets, ...randomTwoDecimalTargets])("reproduces the published index %s", (target) => {
    const levels = levelsForTarget(indicators, target, seededRandom(`target ${target}`));
    expectValidLevels(levels);
    const index = indexOf(levels);
    expect(Math.abs(index - target)).toBeLessThanOrEqual(0.01);
    // What the platform shows (rounded half up to 2 decimals) is exactly the published value.
    expect(roundIndex(index, 2)).toBe(target);
  });

  it("reproduces every 2-decimal index from 1.00 to 5.00, including those next to the ends", () => {
    for (let hundredths = 100; hundredths <= 500; hundredths++) {
      const target = hundredths / 100;
      const levels = levelsForTarget(indicators, target, seededRandom(`every ${target}`));
      expectValidLevels(levels);
      expect(roundIndex(indexOf(levels), 2), `target ${target}`).toBe(target);
    }
  });

  it("reaches targets with more decimals within ±0.005 away from the ends of the scale", () => {
    const random = seededRandom("fine targets");
    for (let i = 0; i < 100; i++) {
      const target = 1.05 + 3.9 * random();
      const levels = levelsForTarget(indicators, target, seededRandom(`fine ${i}`));
      expectValidLevels(levels);
      expect(Math.abs(indexOf(levels) - target)).toBeLessThanOrEqual(0.005);
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const once = levelsForTarget(indicators, 3.27, seededRandom("33.16:2023"));
    const again = levelsForTarget(indicators, 3.27, seededRandom("33.16:2023"));
    const other = levelsForTarget(indicators, 3.27, seededRandom("35.79:2023"));
    expect([...again]).toEqual([...once]);
    expect([...other]).not.toEqual([...once]);
  });

  it("gives varied levels clustered around the target", () => {
    for (const target of [2.06, 3.0, 3.81]) {
      for (const seed of ["a", "b", "c"]) {
        const levels = [...levelsForTarget(indicators, target, seededRandom(seed)).values()];
        expect(new Set(levels).size).toBeGreaterThanOrEqual(2);
        const nearTarget = levels.filter((level) => Math.abs(level - target) <= 1).length;
        expect(nearTarget / levels.length).toBeGreaterThanOrEqual(0.7);
      }
    }
    expect(new Set(levelsForTarget(indicators, 3.0, seededRandom("variety")).values()).size).toBeGreaterThan(1);
  });

  it("refuses targets outside the scale and targets the levels cannot reach", () => {
    expect(() => levelsForTarget(indicators, 0.9, seededRandom("x"))).toThrow(/outside/);
    expect(() => levelsForTarget(indicators, 5.1, seededRandom("x"))).toThrow(/outside/);
    expect(() => levelsForTarget(indicators, Number.NaN, seededRandom("x"))).toThrow(/outside/);
    // Above 1.00 the smallest step is one 1.3-weight indicator to level 2 (1.013): 1.0065 is 0.0065 away from both.
    expect(() => levelsForTarget(indicators, 1.0065, seededRandom("x"))).toThrow(/could not reach/);
  });
});

describe("plausibleIndex", () => {
  it("returns the published value of a published year", () => {
    expect(plausibleIndex("33.16", 2023, new Map([[2022, 2.06], [2023, 3.27]]))).toBe(3.27);
  });

  it("interpolates between published years, staying between them", () => {
    const published = new Map([[2021, 3.53], [2025, 4.87]]);
    const values = [2022, 2023, 2024].map((year) => plausibleIndex("35.10", year, published));
    expect(values[0]).toBeGreaterThan(3.53);
    expect(values[2]).toBeLessThan(4.87);
    expect(values[0]).toBeLessThan(values[1]!);
    expect(values[1]).toBeLessThan(values[2]!);
  });

  it("extrapolates from the nearest published year with a rising trend", () => {
    const published = new Map([[2023, 3.35], [2024, 3.57]]);
    const earlier = [2021, 2022].map((year) => plausibleIndex("35.79", year, published));
    expect(earlier[0]).toBeLessThan(earlier[1]!);
    expect(earlier[1]).toBeLessThan(3.35 + 0.05);
    expect(earlier[0]).toBeGreaterThan(3.35 - 2 * 0.3 - 0.05);
  });

  it("invents a rising, capped trajectory for regions without published values", () => {
    for (const code of ["32.73", "51.03", "64.72", "73.71", "16.71"]) {
      const values = [2021, 2022, 2023, 2024].map((year) => plausibleIndex(code, year, new Map()));
      expect(values[0]).toBeGreaterThanOrEqual(2.3 - 0.05);
      expect(values[0]).toBeLessThanOrEqual(3.3 + 0.05);
      expect(values[3]).toBeGreaterThan(values[0]!);
      for (const value of values) {
        expect(value).toBeGreaterThanOrEqual(1.2);
        expect(value).toBeLessThanOrEqual(4.6);
        expect(roundIndex(value, 2)).toBe(value);
      }
      expect(plausibleIndex(code, 2022, new Map())).toBe(values[1]);
    }
  });

  it("starts another framework's invented trajectory in its own first year, from a seed of its own", () => {
    for (const code of ["32.73", "51.03", "64.72"]) {
      const pemdi = plausibleIndex(`pemdi-2026:${code}`, 2026, new Map(), 2026);
      expect(pemdi).toBeGreaterThanOrEqual(2.3 - 0.05);
      expect(pemdi).toBeLessThanOrEqual(3.3 + 0.05);
      expect(plausibleIndex(`pemdi-2026:${code}`, 2026, new Map(), 2026)).toBe(pemdi);
    }
  });

  it("does not push a published value above 4.6 down when extrapolating", () => {
    expect(plausibleIndex("35.10", 2026, new Map([[2025, 4.87]]))).toBeGreaterThanOrEqual(4.87);
  });
});
