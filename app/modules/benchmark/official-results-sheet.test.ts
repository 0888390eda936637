import { describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { readSpreadsheet, type SheetCell, type SheetRow } from "../spreadsheets/import.server";
import { normalizeRegionCode, parseOfficialResultsSheet } from "./official-results-sheet";

const known = {
  names: new Map([
    ["32", "Jawa Barat"],
    ["32.11", "Kabupaten Sumedang"],
    ["33.16", "Kabupaten Blora"],
    ["35.10", "Kabupaten Banyuwangi"],
    ["35.01", "Kabupaten Pacitan"],
  ]),
  indicatorNumbers: [1, 2, 3],
  years: { min: 2018, max: 2026 },
  coversYear: () => true,
  levels: { min: 1, max: 5 },
};

const sheet = (...rows: SheetCell[][]): SheetRow[] => rows.map((cells, index) => ({ line: index + 1, cells }));
const parse = (...rows: SheetCell[][]) => parseOfficialResultsSheet(sheet(...rows), known);

describe("parseOfficialResultsSheet", () => {
  it("reads Indonesian headers and decimal commas, keeping the printed decimals", () => {
    const check = parse(
      ["kode_wilayah", "nama_daerah", "tahun", "indeks", "predikat", "sumber", "keputusan", "kutipan"],
      ["32.11", "Kabupaten Sumedang", "2024", "4,51", "Memuaskan", "https://menpan.go.id/a", "Kepmen PANRB 663/2024", "indeks 4,51"],
      ["33.16", "Blora", "2023", "3,7", "", "", "Kepmen PANRB 13/2024", ""],
    );
    expect(check.problems).toEqual([]);
    expect(check.convention).toBe("id");
    expect(check.rows).toEqual([
      { line: 2, code: "32.11", year: 2024, index: 4.51, decimals: 2, predikat: "Memuaskan", source: "https://menpan.go.id/a", decree: "Kepmen PANRB 663/2024", quote: "indeks 4,51", levels: null },
      { line: 3, code: "33.16", year: 2023, index: 3.7, decimals: 1, predikat: null, source: null, decree: "Kepmen PANRB 13/2024", quote: null, levels: null },
    ]);
  });

  it("reads English headers and decimal points, and a province's own result", () => {
    const check = parse(["region_code", "year", "index", "source"], ["32", "2024", "4.10", "https://x.go.id"]);
    expect(check.problems).toEqual([]);
    expect(check.rows[0]).toMatchObject({ code: "32", index: 4.1, decimals: 2 });
  });

  it("reads codes and numbers Excel turned into numbers: 35.1 is 35.10, 3.62 stays 3.62", () => {
    const check = parse(["kode_wilayah", "tahun", "indeks", "sumber"], [35.1, 2024, 4.6, "https://x.go.id"], ["35,1", "2023", "4,6", "https://y.go.id"], [35.01, 2023, 3, "https://z.go.id"]);
    expect(check.problems).toEqual([]);
    expect(check.rows.map((row) => [row.code, row.year, row.index])).toEqual([
      ["35.10", 2024, 4.6],
      ["35.10", 2023, 4.6],
      ["35.01", 2023, 3],
    ]);
  });

  it("ignores extra columns and says which", () => {
    const check = parse(["kode_wilayah", "tahun", "indeks", "sumber", "Catatan internal"], ["32.11", "2024", "4,51", "https://x.go.id", "cek lagi"]);
    expect(check.problems).toEqual([]);
    expect(check.ignoredColumns).toEqual(["Catatan internal"]);
  });

  it("asks about a number both conventions could mean when the file gives no clue", () => {
    const check = parse(["kode_wilayah", "tahun", "indeks", "sumber"], ["32.11", "2024", "1.500", "https://x.go.id"]);
    // 1500 is no index, so 1.5 is the only plausible reading and needs no question.
    expect(check.rows[0]?.index).toBe(1.5);
    const mixed = parse(["kode_wilayah", "tahun", "indeks", "sumber"], ["32.11", "2024", "3,62", "https://x.go.id"], ["33.16", "2024", "3.620", "https://y.go.id"]);
    expect(mixed.problems).toEqual([{ line: 3, column: "indeks", code: "numberAmbiguous", value: "3.620" }]);
  });

  it("names every problem with its line, importing nothing of a bad row", () => {
    const check = parse(
      ["kode_wilayah", "nama_daerah", "tahun", "indeks", "sumber"],
      ["99.99", "", "2024", "3", "https://x.go.id"],
      ["32.11", "Kabupaten Blora", "2024", "3", "https://x.go.id"],
      ["32.11", "", "1999", "tiga", "https://x.go.id"],
      ["33.16", "", "2024", "9", ""],
      ["35.10", "", "2024", "3,625", "https://"],
      ["33.16", "", "2023", "3", "javascript:alert(1)"],
      ["33.16", "", "2023", "3", "https://x.go.id"],
      ["33.16", "", "2022", "3", "http://[::1"],
    );
    expect(check.rows).toEqual([]);
    expect(check.problems.map((problem) => [problem.line, problem.code])).toEqual([
      [2, "unknownRegion"],
      [3, "nameMismatch"],
      [4, "yearInvalid"],
      [4, "notANumber"],
      [5, "indexOutOfRange"],
      [5, "sourceMissing"],
      [6, "indexTooPrecise"],
      [6, "sourceInvalid"],
      [7, "sourceInvalid"],
      [8, "duplicateRow"],
      [9, "sourceInvalid"],
    ]);
  });

  it("takes indicator levels all or none, whole numbers 1–5", () => {
    const header = ["kode_wilayah", "tahun", "indeks", "sumber", "indikator_1", "indikator_2", "indikator_3"];
    expect(parse(header, ["32.11", "2024", "3", "https://x.go.id", 3, "3", "3,0"]).rows[0]?.levels).toEqual(new Map([[1, 3], [2, 3], [3, 3]]));
    expect(parse(header, ["32.11", "2024", "3", "https://x.go.id", "", "", ""]).rows[0]?.levels).toBeNull();
    expect(parse(header, ["32.11", "2024", "3", "https://x.go.id", "3", "", "7"]).problems.map((problem) => problem.code)).toEqual(["incompleteLevels", "levelOutOfRange"]);
    expect(parse(["kode_wilayah", "tahun", "indeks", "indikator_1"], ["32.11", "2024", "3", "3"]).problems).toEqual([{ line: 1, code: "missingIndicatorColumns", value: "2" }]);
  });

  it("reads an .xlsx whose cells hold Indonesian numbers as text, naming each row it cannot read", async () => {
    // As a Pemdi 2026 file typed on an Indonesian PC with the cells formatted as text.
    const cells = (...values: string[]) => values.map((value) => ({ value }));
    const workbook = await writeExcelFile([
      cells("kode_wilayah", "tahun", "indeks", "sumber", "indikator_1", "indikator_2", "indikator_3"),
      cells("32.11", "2026", "3,62", "https://x.go.id", "3", " 4 ", "4,0"),
      cells("33.16", "2026", "1.200", "https://x.go.id", "3", "3", "1.200"),
      cells("35.10", "2.026", "3,620", "https://x.go.id", "3", "3", "3"),
    ]).toBuffer();
    const read = await readSpreadsheet(new Uint8Array(workbook));
    if (!read.ok) throw new Error(read.problem);
    const check = parseOfficialResultsSheet(read.rows, known);
    expect(check.convention).toBe("id");
    expect(check.rows).toMatchObject([{ line: 2, code: "32.11", year: 2026, index: 3.62, decimals: 2, levels: new Map([[1, 3], [2, 4], [3, 4]]) }]);
    expect(check.problems).toEqual([
      // 1.200 is no index and 1,2 is: the curator is asked rather than either being guessed.
      { line: 3, column: "indeks", code: "numberAmbiguous", value: "1.200" },
      { line: 3, column: "indikator_3", code: "levelOutOfRange", value: "1.200" },
      { line: 4, column: "tahun", code: "yearInvalid", value: "2.026" },
    ]);
  });

  it("refuses a row for a year the framework does not cover, naming the line and the year", () => {
    // SPBE 2020 applies until 2025: a 2026 result belongs to Indeks Pemdi 2026.
    const spbe = { ...known, coversYear: (year: number) => year <= 2025 };
    const check = parseOfficialResultsSheet(sheet(["kode_wilayah", "tahun", "indeks", "sumber"], ["32.11", "2025", "3", "https://x.go.id"], ["33.16", "2026", "3", "https://x.go.id"]), spbe);
    expect(check.rows.map((row) => row.line)).toEqual([2]);
    expect(check.problems).toEqual([{ line: 3, column: "tahun", code: "yearNotCovered", value: "2026" }]);
  });

  it("refuses levels outside the framework's scale and indicator columns the framework does not have", () => {
    const narrow = { ...known, levels: { min: 1, max: 4 } };
    const header = ["kode_wilayah", "tahun", "indeks", "sumber", "indikator_1", "indikator_2", "indikator_3"];
    expect(parseOfficialResultsSheet(sheet(header, ["32.11", "2024", "3", "https://x.go.id", 4, "5", "0"]), narrow).problems.map((problem) => [problem.column, problem.code])).toEqual([
      ["indikator_2", "levelOutOfRange"],
      ["indikator_3", "levelOutOfRange"],
    ]);
    // A file made for a framework with more indicators (SPBE 2020's 47 read as Pemdi 2026's 20).
    expect(parse([...header, "indikator_4"], ["32.11", "2024", "3", "https://x.go.id", 3, 3, 3, 3]).problems).toEqual([{ line: 1, column: "indikator_4", code: "indicatorNotInFramework", value: "4" }]);
  });

  it("refuses a file without the required columns or rows", () => {
    expect(parse(["kode", "nilai"]).problems).toEqual([{ line: 0, code: "empty" }]);
    expect(parse(["daerah", "nilai"], ["32.11", "3"]).problems.map((problem) => problem.code)).toEqual(["missingColumn", "missingColumn"]);
    expect(parse(["kode", "kode_wilayah", "tahun", "indeks"], ["32.11", "32.11", "2024", "3"]).problems[0]?.code).toBe("duplicateColumn");
  });
});

describe("normalizeRegionCode", () => {
  it.each<[SheetCell, string]>([
    ["32.11", "32.11"],
    ["35.1", "35.10"],
    ["35,1", "35.10"],
    [35.1, "35.10"],
    [35.01, "35.01"],
    [32, "32"],
    ["9", "09"],
    [" 32.11 ", "32.11"],
    ["3211", "3211"],
  ])("%s → %s", (cell, code) => {
    expect(normalizeRegionCode(cell)).toBe(code);
  });
});
