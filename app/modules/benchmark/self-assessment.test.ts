import { describe, expect, it } from "vitest";
import { assessableYears, levelsOf, parseSelfAssessmentForm, postedIndicatorIds, selfAssessmentMismatch } from "./self-assessment";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

const scale = { min: 1, max: 5 };
const shape = (indicatorIds: number[], externallyScored: number[] = []) => ({ indicatorIds, externallyScored: new Set(externallyScored), scale });

describe("parseSelfAssessmentForm", () => {
  it("reads levels, notes and evidence links, leaving blanks for later", () => {
    const { entries, errors } = parseSelfAssessmentForm(form({ level_1: "3", note_1: " Perbup 2021 ", evidence_1: "https://jdih.go.id/x", level_2: "" }), shape([1, 2]), "id");
    expect(errors).toEqual({});
    expect(entries.get(1)).toEqual({ level: 3, note: "Perbup 2021", evidenceUrl: "https://jdih.go.id/x", externalScore: null });
    expect(entries.get(2)).toEqual({ level: null, note: "", evidenceUrl: "", externalScore: null });
    expect(levelsOf(entries)).toEqual(new Map([[1, 3]]));
  });

  it("names each bad field: levels outside 1–5, non-https links, long notes", () => {
    const { errors } = parseSelfAssessmentForm(
      form({ level_1: "6", level_2: "2.5", level_3: "0", evidence_1: "javascript:alert(1)", evidence_2: "http://x.go.id", note_3: "x".repeat(1001) }),
      shape([1, 2, 3]),
      "id",
    );
    expect(errors).toEqual({
      level_1: { code: "levelInvalid" },
      evidence_1: { code: "urlInvalid" },
      level_2: { code: "levelInvalid" },
      evidence_2: { code: "urlInvalid" },
      level_3: { code: "levelInvalid" },
      note_3: { code: "tooLong", max: 1000 },
    });
  });

  it("derives an externally scored indicator's level from its score in Indonesian decimals, ignoring a posted level", () => {
    const { entries, errors } = parseSelfAssessmentForm(form({ external_5: "3,62", level_5: "5", external_6: "4", external_7: "" }), shape([5, 6, 7], [5, 6, 7]), "id");
    expect(errors).toEqual({});
    expect(entries.get(5)).toMatchObject({ level: 3, externalScore: 3.62 });
    expect(entries.get(6)).toMatchObject({ level: 4, externalScore: 4 });
    expect(entries.get(7)).toMatchObject({ level: null, externalScore: null });
  });

  it("names a score off the scale, too precise or not a number, deriving no level from it", () => {
    const { errors, entries } = parseSelfAssessmentForm(form({ external_5: "5,5", external_6: "3,625", external_7: "tiga" }), shape([5, 6, 7], [5, 6, 7]), "id");
    expect(errors).toEqual({
      external_5: { code: "numberOutOfRange", min: 1, max: 5 },
      external_6: { code: "numberTooPrecise", max: 2 },
      external_7: { code: "numberInvalid" },
    });
    expect(levelsOf(entries).size).toBe(0);
  });

  it("reads a score with a decimal point on an Indonesian page when no thousands reading fits the scale", () => {
    const { entries } = parseSelfAssessmentForm(form({ external_5: "3.6" }), shape([5], [5]), "id");
    expect(entries.get(5)).toMatchObject({ level: 3, externalScore: 3.6 });
  });
});

describe("postedIndicatorIds", () => {
  it("lists the indicators a form holds fields for, of whatever framework", () => {
    expect(postedIndicatorIds(form({ intent: "save", level_1: "3", note_70: "", external_5: "2", evidence_9: "", kerangka: "pemdi-2026" })).sort((a, b) => a - b)).toEqual([1, 5, 9, 70]);
  });
});

describe("selfAssessmentMismatch", () => {
  const pemdi = { slug: "pemdi-2026", firstYear: 2026, lastYear: null };
  const spbe = { slug: "spbe-2020", firstYear: null, lastYear: 2025 };
  const base = { framework: pemdi, year: 2026, indicatorIds: [48, 49], postedIds: [48] };

  it("accepts a form of the framework and year it was sent to", () => {
    expect(selfAssessmentMismatch({ ...base, formFramework: "pemdi-2026", formYear: "2026" })).toBeNull();
    expect(selfAssessmentMismatch(base)).toBeNull();
  });

  it("refuses a year the framework does not apply to", () => {
    expect(selfAssessmentMismatch({ ...base, year: 2025 })).toBe("year");
    expect(selfAssessmentMismatch({ ...base, framework: spbe, year: 2026, indicatorIds: [1], postedIds: [1] })).toBe("year");
  });

  it("refuses a form made for another framework or year", () => {
    expect(selfAssessmentMismatch({ ...base, formFramework: "spbe-2020" })).toBe("framework");
    expect(selfAssessmentMismatch({ ...base, formYear: "2027" })).toBe("framework");
  });

  it("refuses levels for another framework's indicators", () => {
    expect(selfAssessmentMismatch({ ...base, postedIds: [48, 3] })).toBe("indicators");
  });
});

describe("assessableYears", () => {
  it("offers each framework only the recent years it applies to", () => {
    expect(assessableYears({ firstYear: 2026, lastYear: null }, 2026)).toEqual([2026]);
    expect(assessableYears({ firstYear: null, lastYear: 2025 }, 2026)).toEqual([2025, 2024]);
    expect(assessableYears({ firstYear: 2026, lastYear: null }, 2027)).toEqual([2027, 2026]);
  });

  it("offers a framework not yet in force its first year, and a replaced one its last", () => {
    expect(assessableYears({ firstYear: 2026, lastYear: null }, 2025)).toEqual([2026]);
    expect(assessableYears({ firstYear: null, lastYear: 2025 }, 2030)).toEqual([2025]);
  });
});
