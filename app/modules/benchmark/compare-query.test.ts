import { describe, expect, it } from "vitest";
import { bestCommonYear, compareSearch, parseCompareSelection } from "./compare-query";

const known = new Set(["32.11", "33.16", "35.10", "35.78", "32.73", "51.71", "35.22"]);
const parse = (search: string) => parseCompareSelection(new URLSearchParams(search), known);

describe("parseCompareSelection", () => {
  it("reads comma lists and the add field, dropping duplicates", () => {
    expect(parse("daerah=32.11,33.16&tambah=35.10&daerah=32.11")).toEqual({ codes: ["32.11", "33.16", "35.10"], unknown: [], problems: [] });
  });

  it("explains 0, 1 and 7+ regions and unknown codes", () => {
    expect(parse("").problems).toEqual(["none"]);
    expect(parse("daerah=32.11").problems).toEqual(["tooFew"]);
    const many = parse("daerah=32.11,33.16,35.10,35.78,32.73,51.71,35.22");
    expect(many.problems).toEqual(["tooMany"]);
    expect(many.codes).toHaveLength(6);
    expect(parse("daerah=32.11,99.99,<script>").problems).toEqual(["unknown", "tooFew"]);
    expect(parse("daerah=32.11,99.99,<script>").unknown).toEqual(["99.99", "<script>"]);
  });

  it("writes a shareable URL", () => {
    expect(compareSearch(["32.11", "33.16"])).toBe("?daerah=32.11,33.16");
    expect(compareSearch(["32.11"], "pemdi-2026")).toBe("?daerah=32.11&kerangka=pemdi-2026");
    expect(compareSearch([], "pemdi-2026")).toBe("?kerangka=pemdi-2026");
  });
});

describe("bestCommonYear", () => {
  it("picks the latest year with the most selected regions, not a year one region reported early", () => {
    const coverage = new Map([
      [2023, 3],
      [2024, 3],
      [2025, 1],
    ]);
    expect(bestCommonYear([2023, 2024, 2025], (year) => coverage.get(year) ?? 0)).toBe(2024);
    expect(bestCommonYear([2023], () => 0)).toBeNull();
  });
});
