import { describe, expect, it } from "vitest";
import { parseLevelReportForm, reportableYears } from "./level-report-form";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

const years = [2025, 2024, 2023];

describe("parseLevelReportForm", () => {
  it("reads year, levels, the report's index the reader's way and a note", () => {
    const parsed = parseLevelReportForm(form({ tahun: "2023", level_1: "3", level_2: "4", indeks_laporan: "3,27", catatan: " dari\u0000 LHE " }), [1, 2], "id", years);
    // A NUL byte (which PostgreSQL text refuses) is dropped, not stored or fatal.
    expect(parsed).toMatchObject({ year: 2023, reportedIndex: 3.27, note: "dari LHE", errors: {} });
    expect(parsed.levels).toEqual(new Map([[1, 3], [2, 4]]));
    expect(parseLevelReportForm(form({ tahun: "2023", indeks_laporan: "3.27" }), [1], "en", years).reportedIndex).toBe(3.27);
  });

  it("names each bad field and keeps what was typed", () => {
    const parsed = parseLevelReportForm(form({ tahun: "1999", level_1: "6", indeks_laporan: "7", catatan: "x".repeat(1001) }), [1, 2], "id", years);
    expect(parsed.errors).toEqual({
      tahun: { code: "yearInvalid" },
      level_1: { code: "levelInvalid" },
      indeks_laporan: { code: "numberOutOfRange", min: 0, max: 5 },
      catatan: { code: "tooLong", max: 1000 },
    });
    expect(parsed.values).toMatchObject({ year: "1999", levels: { level_1: "6", level_2: "" }, reportedIndex: "7" });
  });
});

describe("reportableYears", () => {
  it("runs from this year back to the first SPBE evaluation", () => {
    expect(reportableYears(new Date("2026-11-30"))).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018]);
  });
});
