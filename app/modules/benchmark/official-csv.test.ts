import { describe, expect, it } from "vitest";
import { decodeCsvBytes, parseOfficialResultsCsv } from "./official-csv";

const indicatorNumbers = Array.from({ length: 47 }, (_, i) => i + 1);
const known = { regionCodes: new Set(["32.11", "33.16"]), indicatorNumbers, scale: { min: 0, max: 5 }, years: { min: 2018, max: 2026 } };
const indicatorHeader = indicatorNumbers.map((n) => `indicator_${n}`).join(",");
const levels = (level: number) => indicatorNumbers.map(() => level).join(",");
const check = (text: string) => parseOfficialResultsCsv(text, known);

describe("parseOfficialResultsCsv", () => {
  it("reads rows with the index only, and rows with all 47 levels", () => {
    const result = check(
      `region_code,year,index,${indicatorHeader},source,decree\n32.11,2024,"3,81",${indicatorNumbers.map(() => "").join(",")},https://kemenpan.go.id,Kep. 100/2024\n33.16,2024,3.00,${levels(3)},,\n`,
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject({ line: 2, regionCode: "32.11", year: 2024, index: 3.81, levels: null, decree: "Kep. 100/2024" });
    expect(result.rows[1]!.levels?.size).toBe(47);
  });

  it("lists every row's problem with its line and column", () => {
    const result = check(
      [
        "region_code,year,index",
        "32.11,2024,tiga",
        "99.99,2024,3.1",
        "33.16,24,3.2",
        "33.16,2023,7",
        "32.11,2023,3.5",
        "32.11,2023,3.6",
        "33.16,2022,3.1,extra",
      ].join("\n"),
    );
    expect(result.rows.map((row) => row.line)).toEqual([6]);
    expect(result.problems).toEqual([
      { line: 2, column: "index", code: "notANumber", value: "tiga" },
      { line: 3, column: "region_code", code: "unknownRegion", value: "99.99" },
      { line: 4, column: "year", code: "yearInvalid", value: "24" },
      { line: 5, column: "index", code: "indexOutOfRange", value: "7" },
      { line: 7, code: "duplicateRow", value: "6" },
      { line: 8, code: "wrongFieldCount", value: "4" },
    ]);
  });

  it("checks levels: 1–5 only, all or none", () => {
    const bad = levels(3).split(",");
    bad[0] = "6";
    bad[1] = "x";
    bad[2] = "";
    const result = check(`region_code,year,index,${indicatorHeader}\n32.11,2024,3,${bad.join(",")}`);
    expect(result.problems).toEqual([
      { line: 2, code: "incompleteLevels", value: "1" },
      { line: 2, column: "indicator_1", code: "levelOutOfRange", value: "6" },
      { line: 2, column: "indicator_2", code: "notANumber", value: "x" },
    ]);
  });

  it("refuses missing, unknown and partial indicator columns before reading rows", () => {
    expect(check("region_code,index,colour\n32.11,3,red").problems).toEqual([
      { line: 1, column: "colour", code: "unknownColumn" },
      { line: 1, column: "year", code: "missingColumn" },
    ]);
    expect(check("region_code,year,index,indicator_1\n32.11,2024,3,3").problems).toEqual([{ line: 1, code: "missingIndicatorColumns", value: "46" }]);
  });

  it("refuses empty and non-CSV files", () => {
    expect(check("region_code,year,index\n").problems).toEqual([{ line: 0, code: "empty" }]);
    expect(check("%PDF-1.4\u0000\u0001binary").problems).toEqual([{ line: 0, code: "notCsv" }]);
    expect(check('region_code,year,index\n"32.11,2024,3').problems).toEqual([{ line: 0, code: "notCsv" }]);
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toBeNull();
  });
});
