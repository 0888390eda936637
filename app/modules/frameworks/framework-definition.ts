import type { FrameworkNode } from "./framework-index";
import type { PredikatBand } from "./predikat";

/** What makes a framework usable for the index maths, whether seeded from a file or edited by a curator. */
export interface FrameworkDefinition {
  scale: { min: number; max: number; decimals: number };
  levels: readonly { level: number; name: string }[];
  bands: readonly PredikatBand[];
  nodes: readonly Pick<FrameworkNode, "id" | "parentId" | "kind" | "number" | "weight">[];
}

/** A reason a framework definition cannot be used, with what a message needs to say where. */
export type FrameworkProblem =
  | { code: "weightsNotHundred"; total: number }
  | { code: "weightNotPositive"; kind: FrameworkNode["kind"]; number: number }
  | { code: "childWeightsDiffer"; kind: FrameworkNode["kind"]; number: number; weight: number; childrenTotal: number }
  | { code: "groupEmpty"; kind: FrameworkNode["kind"]; number: number }
  | { code: "levelsNotScale"; expected: number[]; found: number[] }
  | { code: "levelUnnamed"; level: number }
  | { code: "bandsMissingLowest"; lowest: number; scaleMin: number }
  | { code: "bandBoundsRepeat"; minValue: number }
  | { code: "bandNamesRepeat"; name: string }
  | { code: "bandOutsideScale"; name: string; minValue: number };

/** Weights are percentages with at most two decimals; sums are compared at that precision. */
const sameWeight = (a: number, b: number) => Math.abs(a - b) < 0.005;

/**
 * Everything wrong with a framework definition, empty when it is usable: indicator weights summing
 * to 100, each group weighing what its members weigh, a named level for every step of the scale,
 * and predikat bands (inclusive lower bounds) that cover the scale from its bottom without two
 * bands starting at the same value.
 */
export function frameworkProblems(definition: FrameworkDefinition): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const { scale, levels, bands, nodes } = definition;

  const indicators = nodes.filter((node) => node.kind === "indicator");
  const total = indicators.reduce((sum, node) => sum + node.weight, 0);
  if (!sameWeight(total, 100)) problems.push({ code: "weightsNotHundred", total });
  for (const node of nodes) {
    if (!(node.weight > 0)) problems.push({ code: "weightNotPositive", kind: node.kind, number: node.number });
    if (node.kind === "indicator") continue;
    const children = nodes.filter((child) => child.parentId === node.id);
    if (children.length === 0) {
      problems.push({ code: "groupEmpty", kind: node.kind, number: node.number });
      continue;
    }
    const childrenTotal = children.reduce((sum, child) => sum + child.weight, 0);
    if (!sameWeight(childrenTotal, node.weight)) {
      problems.push({ code: "childWeightsDiffer", kind: node.kind, number: node.number, weight: node.weight, childrenTotal });
    }
  }

  // Levels are the whole steps 1 … max of the scale; an index scale may start lower (SPBE 2020: 0–5).
  const firstLevel = Math.max(1, Math.ceil(scale.min));
  const expected = Array.from({ length: scale.max - firstLevel + 1 }, (_, index) => firstLevel + index);
  const found = levels.map((level) => level.level).sort((a, b) => a - b);
  if (found.join() !== expected.join()) problems.push({ code: "levelsNotScale", expected, found });
  for (const level of levels) if (!level.name.trim()) problems.push({ code: "levelUnnamed", level: level.level });

  const lowest = Math.min(...bands.map((band) => band.minValue));
  if (!(lowest <= scale.min)) problems.push({ code: "bandsMissingLowest", lowest, scaleMin: scale.min });
  const seenBounds = new Set<number>();
  const seenNames = new Set<string>();
  for (const band of bands) {
    if (seenBounds.has(band.minValue)) problems.push({ code: "bandBoundsRepeat", minValue: band.minValue });
    if (seenNames.has(band.name)) problems.push({ code: "bandNamesRepeat", name: band.name });
    seenBounds.add(band.minValue);
    seenNames.add(band.name);
    if (band.minValue > scale.max) problems.push({ code: "bandOutsideScale", name: band.name, minValue: band.minValue });
  }
  return problems;
}
