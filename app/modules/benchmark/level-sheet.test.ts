import { describe, expect, it } from "vitest";
import type { SheetCell, SheetRow } from "../spreadsheets/import.server";
import { parseLevelSheet } from "./level-sheet";

const sheet = (...rows: SheetCell[][]): SheetRow[] => rows.map((cells, index) => ({ line: index + 1, cells }));

describe("parseLevelSheet", () => {
  it("reads one level per indicator, numbers or text, ignoring other columns", () => {
    const { levels, problems } = parseLevelSheet(sheet(["No.", "Nama indikator", "Tingkat"], [1, "Arsitektur", 3], ["2", "Peta rencana", "4"], [3, "Data", "5,0"]), [1, 2, 3]);
    expect(problems).toEqual([]);
    expect(levels).toEqual(new Map([[1, 3], [2, 4], [3, 5]]));
  });

  it("names missing, duplicate and unknown indicators and bad levels", () => {
    const { problems } = parseLevelSheet(sheet(["indikator", "level"], [1, 3], [1, 4], [48, 2], ["x", 2], [2, 6]), [1, 2, 3]);
    expect(problems).toEqual([
      { line: 3, code: "duplicateIndicator", value: "1 (2)" },
      { line: 4, code: "unknownIndicator", value: "48" },
      { line: 5, code: "unknownIndicator", value: "x" },
      { line: 6, code: "levelOutOfRange", value: "2: 6" },
      { line: 0, code: "missingIndicators", value: "3" },
    ]);
  });

  it("needs the indicator and level columns and some rows", () => {
    expect(parseLevelSheet(sheet(["indikator", "tingkat"]), [1]).problems).toEqual([{ line: 0, code: "empty" }]);
    expect(parseLevelSheet(sheet(["a", "b"], [1, 2]), [1]).problems).toEqual([{ line: 1, code: "missingColumn" }]);
  });
});
