import { describe, expect, it } from "vitest";
import { detectNumberConvention, parseLocaleNumber } from "./locale-number";

const value = (text: string, ...args: Parameters<typeof parseLocaleNumber> extends [string, ...infer Rest] ? Rest : never) => {
  const parsed = parseLocaleNumber(text, ...args);
  return parsed.ok ? parsed.value : parsed.problem;
};

describe("parseLocaleNumber on an Indonesian form", () => {
  it("reads dots as thousands and the comma as the decimal mark", () => {
    expect(value("1.200", "id")).toBe(1200);
    expect(value("4.800", "id")).toBe(4800);
    expect(value("1.200.000", "id")).toBe(1_200_000);
    expect(value("3,62", "id")).toBe(3.62);
    expect(value("1.200,5", "id")).toBe(1200.5);
    expect(value("-3,5", "id")).toBe(-3.5);
    expect(value("1200", "id")).toBe(1200);
  });

  it("accepts an English decimal point where nothing else is plausible for the field", () => {
    // 362 is no SPBE index, so "3.62" can only mean 3,62.
    expect(value("3.62", "id", { min: 0, max: 5 })).toBe(3.62);
    expect(value("1.5", "id", { min: 0, max: 5 })).toBe(1.5);
    expect(value("1,200.50", "id")).toBe(1200.5);
  });

  it("asks instead of guessing when a mistyped thousands figure is as plausible as the decimal", () => {
    expect(parseLocaleNumber("1.5", "id")).toEqual({ ok: false, problem: "wrongMark", readings: [1.5] });
    expect(parseLocaleNumber("8.29", "id")).toMatchObject({ ok: false, problem: "wrongMark" });
  });

  it("asks when the expected reading breaks the field's rules and the other one fits", () => {
    // An index of 3.620 is impossible; 3,62 is likely: ask rather than refuse or guess.
    expect(parseLocaleNumber("3.620", "id", { min: 0, max: 5 })).toEqual({ ok: false, problem: "ambiguous", readings: [3620, 3.62] });
  });

  it("tidies what spreadsheets and word processors paste", () => {
    expect(value(" 1 200 ", "id")).toBe(1200);
    expect(value("1\u00a0200", "id")).toBe(1200);
    expect(value("\u22123,5", "id")).toBe(-3.5);
  });

  it("refuses what is not a number, and says which rule a number breaks", () => {
    for (const text of ["", "abc", "1..2", "1.2.3", "3,", "Rp 1.200", "1e3", "12,34,56", "1.20.000"]) expect(value(text, "id")).toBe("invalid");
    expect(value("2,5", "id", { integer: true })).toBe("notInteger");
    expect(value("6", "id", { min: 1, max: 5 })).toBe("outOfRange");
    expect(value("3,625", "id", { min: 0, max: 5, maxDecimals: 2 })).toBe("tooPrecise");
  });

  it("reports how many decimals were written, so a value is shown as printed", () => {
    expect(parseLocaleNumber("3,7", "id")).toMatchObject({ ok: true, value: 3.7, decimals: 1, writtenIn: "id" });
    expect(parseLocaleNumber("3,70", "id")).toMatchObject({ ok: true, decimals: 2 });
    expect(parseLocaleNumber("4", "id")).toMatchObject({ ok: true, decimals: 0, writtenIn: null });
  });

  it("does not count trailing zeros as precision", () => {
    expect(parseLocaleNumber("3,620", "id", { maxDecimals: 2 })).toMatchObject({ ok: true, value: 3.62, decimals: 3 });
  });
});

describe("parseLocaleNumber on an English form", () => {
  it("reads commas as thousands and the point as the decimal mark", () => {
    expect(value("1,200", "en")).toBe(1200);
    expect(value("1.200", "en")).toBe(1.2);
    expect(value("3.62", "en")).toBe(3.62);
    expect(parseLocaleNumber("1,5", "en")).toMatchObject({ ok: false, problem: "wrongMark", readings: [1.5] });
  });
});

describe("parseLocaleNumber without an expected convention (a file that gives no clue)", () => {
  it("takes the only reading the text has", () => {
    expect(value("3,62", null)).toBe(3.62);
    expect(value("3.62", null)).toBe(3.62);
    expect(value("1.200.000", null)).toBe(1_200_000);
  });

  it("lets the field's range decide between two readings, else asks", () => {
    expect(value("1.200", null, { min: 0, max: 5 })).toBe(1.2);
    expect(value("1.200", null, { min: 1000 })).toBe(1200);
    expect(parseLocaleNumber("1.200", null)).toEqual({ ok: false, problem: "ambiguous", readings: [1200, 1.2] });
  });
});

describe("detectNumberConvention", () => {
  it("finds the convention some cells can only be read in", () => {
    expect(detectNumberConvention(["3,62", "2", "1.200"])).toBe("id");
    expect(detectNumberConvention(["3.62", "2"])).toBe("en");
  });

  it("gives no convention when the cells give no clue or contradict each other", () => {
    expect(detectNumberConvention(["2", "1.200", ""])).toBeNull();
    expect(detectNumberConvention(["3,62", "3.62"])).toBeNull();
  });
});
