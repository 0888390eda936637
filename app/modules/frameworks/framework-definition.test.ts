import { describe, expect, it } from "vitest";
import { frameworkNodesFromFile } from "../../../tests/support/framework-file";
import { type FrameworkDefinition, frameworkProblems } from "./framework-definition";

const spbe = frameworkNodesFromFile("spbe-2020-framework");
const pemdi = frameworkNodesFromFile("pemdi-2026-framework");

/** Pemdi 2026 with one change made by `edit`. */
function pemdiWith(edit: (definition: { -readonly [K in keyof FrameworkDefinition]: FrameworkDefinition[K] }) => void): FrameworkDefinition {
  const definition = structuredClone({ scale: pemdi.scale, levels: pemdi.levels, bands: pemdi.bands, nodes: pemdi.nodes });
  edit(definition);
  return definition;
}

const indicator = (number: number) => pemdi.nodes.findIndex((node) => node.kind === "indicator" && node.number === number);

describe("frameworkProblems", () => {
  it("finds nothing wrong with SPBE 2020 or the Indeks Pemerintah Digital 2026 as seeded", () => {
    expect(frameworkProblems(spbe)).toEqual([]);
    expect(frameworkProblems(pemdi)).toEqual([]);
  });

  it("refuses indicator weights that do not sum to 100, and an aspect that no longer weighs what its indicators do", () => {
    const problems = frameworkProblems(pemdiWith((definition) => (definition.nodes = definition.nodes.map((node, index) => (index === indicator(19) ? { ...node, weight: 11 } : node)))));
    expect(problems).toEqual([
      { code: "weightsNotHundred", total: 101 },
      { code: "childWeightsDiffer", kind: "aspect", number: 7, weight: 25, childrenTotal: 26 },
    ]);
  });

  it("refuses a zero weight and an aspect without indicators", () => {
    const problems = frameworkProblems(
      pemdiWith((definition) => {
        definition.nodes = [...definition.nodes.map((node, index) => (index === indicator(1) ? { ...node, weight: 0 } : node)), { id: 999, parentId: null, kind: "aspect", number: 8, weight: 0 }];
      }),
    );
    expect(problems).toContainEqual({ code: "weightNotPositive", kind: "indicator", number: 1 });
    expect(problems).toContainEqual({ code: "groupEmpty", kind: "aspect", number: 8 });
  });

  it("refuses bands that leave the bottom of the scale without a predikat, start twice at one value, repeat a name or start above the scale", () => {
    const withoutLowest = frameworkProblems(pemdiWith((definition) => (definition.bands = definition.bands.filter((band) => band.minValue > 0))));
    expect(withoutLowest).toEqual([{ code: "bandsMissingLowest", lowest: 1.5, scaleMin: 1 }]);
    const overlapping = frameworkProblems(pemdiWith((definition) => (definition.bands = [...definition.bands, { name: "Istimewa", minValue: 4 }, { name: "Baik", minValue: 6 }])));
    expect(overlapping).toEqual([
      { code: "bandBoundsRepeat", minValue: 4 },
      { code: "bandNamesRepeat", name: "Baik" },
      { code: "bandOutsideScale", name: "Baik", minValue: 6 },
    ]);
  });

  it("wants one named level for every point of the scale", () => {
    const problems = frameworkProblems(pemdiWith((definition) => (definition.levels = [...definition.levels.slice(0, 4).map((level) => (level.level === 2 ? { ...level, name: " " } : level)), { level: 6, name: "Lebih" }])));
    expect(problems).toEqual([
      { code: "levelsNotScale", expected: [1, 2, 3, 4, 5], found: [1, 2, 3, 4, 6] },
      { code: "levelUnnamed", level: 2 },
    ]);
  });
});
