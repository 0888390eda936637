import { describe, expect, it } from "vitest";
import { brokenLimits, failures, formatMultiple, formatSection, medianOf, medianSections, ratio, type Section } from "./report";

describe("formatMultiple", () => {
  it("keeps about two significant figures", () => {
    expect(formatMultiple(0.0523)).toBe("0.05×");
    expect(formatMultiple(1)).toBe("1.0×");
    expect(formatMultiple(1.84)).toBe("1.8×");
    expect(formatMultiple(12.4)).toBe("12×");
    expect(formatMultiple(123.6)).toBe("124×");
    expect(formatMultiple(Number.POSITIVE_INFINITY)).toBe("-");
  });
});

describe("ratio", () => {
  it("divides by the ceiling, or is null without one", () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(30, 0)).toBeNull();
    expect(ratio(null, 10)).toBeNull();
    expect(ratio(30, undefined)).toBeNull();
  });
});

describe("medianOf", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(medianOf([30, 10, 20])).toBe(20);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([7])).toBe(7);
  });

  it("is null when a run has no figure", () => {
    expect(medianOf([1, null, 3])).toBeNull();
    expect(medianOf([])).toBeNull();
  });
});

const run = (p95: number, p95x: number, errors = 0): Section[] => [
  {
    title: "Pages",
    columns: [
      { key: "p95", header: "p95 ms", kind: "ms" },
      { key: "p95x", header: "p95×", kind: "ratio" },
      { key: "errors", header: "errors", kind: "count" },
    ],
    rows: [{ name: "rankings · cold", figures: { p95, p95x, errors }, limits: [{ figure: "p95", max: 50, label: "p95 above 50 ms" }, { figure: "errors", max: 0, label: "errors" }], note: "run note" }],
  },
];

describe("medianSections", () => {
  it("takes each figure's median over the runs, ratios included, and keeps the limits", () => {
    const [section] = medianSections([run(40, 8), run(70, 2), run(45, 9, 1)]);
    expect(section!.title).toBe("Pages — median of 3 runs");
    expect(section!.rows[0]!.figures).toEqual({ p95: 45, p95x: 8, errors: 0 });
    expect(brokenLimits(section!.rows[0]!)).toEqual([]);
  });

  it("refuses runs whose rows differ", () => {
    const other = run(40, 8);
    other[0]!.rows[0]!.name = "region · cold";
    expect(() => medianSections([run(40, 8), other])).toThrow(/runs differ/);
  });
});

describe("limits", () => {
  it("compares with a number or with another figure of the row, and a missing figure fails", () => {
    const row = (figures: Record<string, number | null>) => ({
      name: "overhead",
      figures,
      limits: [{ figure: "margin", max: { figure: "practice" }, label: "margin above the practice page" }],
    });
    expect(brokenLimits(row({ margin: 20, practice: 25 }))).toEqual([]);
    expect(brokenLimits(row({ margin: 30, practice: 25 }))).toEqual(["FAIL margin above the practice page"]);
    expect(brokenLimits(row({ margin: null, practice: 25 }))).toEqual(["FAIL margin above the practice page"]);
    expect(failures(run(60, 1, 2))).toEqual(["Pages / rankings · cold: FAIL p95 above 50 ms", "Pages / rankings · cold: FAIL errors"]);
  });
});

describe("formatSection", () => {
  it("prints ms with one decimal, ratios as multiples, counts whole, missing as -, then notes and failures", () => {
    const [section] = run(61.25, 12.4);
    section!.rows[0]!.figures.errors = null;
    const lines = formatSection(section!).split("\n");
    expect(lines[0]).toBe("== Pages");
    expect(lines[2]).toMatch(/^rankings · cold\s+61\.3\s+12×\s+-\s+run note; FAIL p95 above 50 ms; FAIL errors$/);
  });
});

describe("verdict rows", () => {
  it("say PASS when no limit is broken, and keep saying so in the median", () => {
    const section = (margin: number): Section => ({
      title: "Overhead",
      columns: [{ key: "margin", header: "margin", kind: "ms" }],
      rows: [{ name: "overhead", figures: { margin, practice: 100 }, limits: [{ figure: "margin", max: { figure: "practice" }, label: "too slow" }], verdict: true }],
    });
    expect(formatSection(section(80)).split("\n")[2]).toMatch(/80\.0\s+PASS$/);
    expect(formatSection(section(120)).split("\n")[2]).toMatch(/120\.0\s+FAIL too slow$/);
    expect(formatSection(medianSections([[section(80)], [section(90)], [section(150)]])[0]!).split("\n")[2]).toMatch(/90\.0\s+PASS$/);
  });
});
