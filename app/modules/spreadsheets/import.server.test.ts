import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { decodeSheetPayload, encodeSheetPayload, readSpreadsheet } from "./import.server";

const bytes = (text: string) => new TextEncoder().encode(text);
const cells = async (input: Uint8Array) => {
  const read = await readSpreadsheet(input);
  if (!read.ok) throw new Error(read.problem);
  return read;
};

describe("readSpreadsheet: CSV as Excel saves it", () => {
  it("reads a semicolon file with decimal commas and a BOM, keeping 3,62 in one cell", async () => {
    const read = await cells(bytes("\uFEFFkode_wilayah;indeks\r\n32.11;3,62\r\n"));
    expect(read).toMatchObject({ format: "csv", delimiter: ";" });
    expect(read.rows).toEqual([
      { line: 1, cells: ["kode_wilayah", "indeks"] },
      { line: 2, cells: ["32.11", "3,62"] },
    ]);
  });

  it("reads comma and tab files", async () => {
    expect((await cells(bytes("a,b\n1,2\n"))).rows[1]!.cells).toEqual(["1", "2"]);
    expect((await cells(bytes("a\tb\n1\t2\n"))).delimiter).toBe("\t");
  });

  it("keeps rows apart whatever the line ends: CRLF, LF, lone CR, mixed", async () => {
    const read = await cells(bytes("a;b\r\n1;2\n3;4\r5;6\r\n"));
    expect(read.rows.map((row) => row.cells)).toEqual([["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]]);
  });

  it("keeps line numbers while skipping Excel's empty rows", async () => {
    const read = await cells(bytes("a;b\n;\n\n1;2\n"));
    expect(read.rows.map((row) => row.line)).toEqual([1, 4]);
  });

  it("reads Windows-1252 text (Excel's plain CSV) as well as UTF-8", async () => {
    const latin = new Uint8Array([...bytes("nama;catatan\nKab. X;caf"), 0xe9, ...bytes("\n")]);
    expect((await cells(latin)).rows[1]!.cells).toEqual(["Kab. X", "café"]);
  });

  it("removes NUL and other control characters from cells", async () => {
    expect((await cells(bytes("a;b\nx\u0001y;z\n"))).rows[1]!.cells).toEqual(["xy", "z"]);
  });

  it("refuses binary files and empty ones", async () => {
    const png = new Uint8Array(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
    expect(await readSpreadsheet(png)).toEqual({ ok: false, problem: "notSpreadsheet" });
    expect(await readSpreadsheet(new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    expect(await readSpreadsheet(bytes("\n\n;;\n"))).toEqual({ ok: false, problem: "empty" });
  });
});

describe("readSpreadsheet: .xlsx", () => {
  it("reads the first sheet with numbers as numbers, as Excel turned them (35.1 for 35.10)", async () => {
    const workbook = await writeExcelFile([
      [{ value: "kode_wilayah" }, { value: "indeks" }],
      [{ value: 35.1, type: Number }, { value: 3.62, type: Number }],
      [{ value: "32.11" }, { value: "3,62" }],
    ]).toBuffer();
    const read = await cells(new Uint8Array(workbook));
    expect(read.format).toBe("xlsx");
    expect(read.rows.map((row) => row.cells)).toEqual([
      ["kode_wilayah", "indeks"],
      [35.1, 3.62],
      ["32.11", "3,62"],
    ]);
  });

  it("refuses a zip that is no workbook, and one that would unpack to more than 40 MB", async () => {
    expect(await readSpreadsheet(zipSync({ "readme.txt": bytes("hello") }))).toEqual({ ok: false, problem: "notSpreadsheet" });
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(await readSpreadsheet(bomb)).toEqual({ ok: false, problem: "tooLarge" });
  });
});

describe("sheet payload", () => {
  it("round-trips a read sheet, numbers and all, and refuses anything else", async () => {
    const read = await cells(bytes("a;b\n35.1;3,62\n"));
    const payload = encodeSheetPayload({ ...read, rows: [...read.rows, { line: 3, cells: [35.1, null] }] });
    expect(decodeSheetPayload(payload)?.rows.at(-1)).toEqual({ line: 3, cells: [35.1, null] });
    for (const junk of ["", "{", "[]", '{"format":"pdf","delimiter":null,"rows":[]}', '{"format":"csv","delimiter":null,"rows":[{"line":1,"cells":[{}]}]}']) {
      expect(decodeSheetPayload(junk)).toBeNull();
    }
  });
});
