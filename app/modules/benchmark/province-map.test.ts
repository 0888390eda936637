import { describe, expect, it } from "vitest";
import { MixedKindsError } from "./figure-kinds";
import { classLabel, classOf, COUNT_CLASSES, indexClasses, meanOfRegions } from "./province-map";

// SPBE 2020's bands, in the order the database may give them.
const spbeBands = [
  { name: "Memuaskan", minValue: 4.2 },
  { name: "Kurang", minValue: 1 },
  { name: "Baik", minValue: 2.6 },
  { name: "Sangat Baik", minValue: 3.5 },
  { name: "Cukup", minValue: 1.8 },
];
const indonesian = (decimals: number) => (value: number) => value.toLocaleString("id-ID", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

describe("map classes", () => {
  const classes = indexClasses(spbeBands);

  it("makes one class per predikat band, lowest first, each up to the next", () => {
    expect(classes).toEqual([
      { min: 1, below: 1.8 },
      { min: 1.8, below: 2.6 },
      { min: 2.6, below: 3.5 },
      { min: 3.5, below: 4.2 },
      { min: 4.2, below: null },
    ]);
  });

  it("labels classes with the values as shown, in Indonesian, without overlaps", () => {
    expect(classes.map((mapClass) => classLabel(mapClass, 2, indonesian(2)))).toEqual(["1,00–1,79", "1,80–2,59", "2,60–3,49", "3,50–4,19", "≥ 4,20"]);
    expect(COUNT_CLASSES.map((mapClass) => classLabel(mapClass, 0, indonesian(0)))).toEqual(["0", "1", "2–4", "5–9", "≥ 10"]);
  });

  it("classes a value as it is shown: 2,596 shows as 2,60 and is in the 2,60 class", () => {
    expect(classOf(classes, 2.596, 2)).toBe(2);
    expect(classOf(classes, 2.594, 2)).toBe(1);
    expect(classOf(classes, 4.2, 2)).toBe(4);
    expect(classOf(classes, 0.5, 2)).toBe(0);
  });

  it("gives no class to no data, but one to a count of zero", () => {
    expect(classOf(classes, null, 2)).toBeNull();
    expect(classOf(COUNT_CLASSES, 0, 0)).toBe(0);
    expect(classOf(COUNT_CLASSES, 7, 0)).toBe(3);
    expect(classOf(COUNT_CLASSES, 38, 0)).toBe(4);
  });
});

describe("meanOfRegions", () => {
  const official = (value: number | null) => ({ kind: "official" as const, value });

  it("is the plain mean of the regions with a figure; regions without one are left out of mean and count", () => {
    expect(meanOfRegions([official(3), null, official(2), null])).toEqual({ mean: 2.5, count: 2 });
  });

  it("leaves out disputed figures (no agreed value)", () => {
    expect(meanOfRegions([official(3), official(null)])).toEqual({ mean: 3, count: 1 });
  });

  it("has no mean without any figure", () => {
    expect(meanOfRegions([null, null])).toEqual({ mean: null, count: 0 });
    expect(meanOfRegions([])).toEqual({ mean: null, count: 0 });
  });

  it("refuses to average figures of different kinds", () => {
    expect(() => meanOfRegions([official(3), { kind: "self", value: 4 }])).toThrow(MixedKindsError);
  });
});
