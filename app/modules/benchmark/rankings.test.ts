import { describe, expect, it } from "vitest";
import { defaultRankingYear, parseRankingQuery, rankingSearch, rankRegions } from "./rankings";

const candidate = (code: string, value: number, previousValue: number | null = null) => ({ code, name: `Kab. ${code}`, shortName: code, value, previousValue });

describe("rankRegions", () => {
  const regions = [candidate("B", 3.81, 3.5), candidate("A", 2.06, 1.9), candidate("C", 3.814, 3.9), candidate("D", 4.2, null)];

  it("ranks highest first, ties at the reported precision share a rank", () => {
    const ranked = rankRegions(regions, "peringkat", false);
    expect(ranked.map((row) => [row.candidate.code, row.rank])).toEqual([
      ["D", 1],
      ["B", 2],
      ["C", 2],
      ["A", 4],
    ]);
    expect(ranked.map((row) => row.percentile)).toEqual([100, 75, 75, 25]);
  });

  it("computes the change since the previous year and sorts by it", () => {
    const ranked = rankRegions(regions, "perubahan", true);
    expect(ranked.map((row) => [row.candidate.code, row.change])).toEqual([
      ["B", 0.31],
      ["A", 0.16],
      ["C", -0.09],
      ["D", null],
    ]);
  });

  it("sorts by name without changing ranks", () => {
    const ranked = rankRegions(regions, "nama", false);
    expect(ranked.map((row) => row.candidate.code)).toEqual(["A", "B", "C", "D"]);
    expect(ranked[0]!.rank).toBe(4);
  });
});

describe("parseRankingQuery", () => {
  const known = { years: [2022, 2023, 2024], defaultYear: 2024, provinceCodes: new Set(["32"]), cohortSlugs: new Set(["idsl-2022"]) };

  it("defaults to the latest year and ignores junk", () => {
    expect(parseRankingQuery(new URLSearchParams("tahun=1999&provinsi=99&jenis=desa&urut=x&kohort=%27"), known)).toEqual({
      year: 2024,
      province: null,
      type: null,
      cohort: null,
      sort: "peringkat",
      descending: false,
      page: 1,
    });
  });

  it("round-trips its URL", () => {
    const query = parseRankingQuery(new URLSearchParams("tahun=2023&provinsi=32&jenis=kota&kohort=idsl-2022&urut=nama&arah=turun&hal=2"), known);
    expect(rankingSearch(query)).toBe("?tahun=2023&provinsi=32&jenis=kota&kohort=idsl-2022&urut=nama&arah=turun&hal=2");
  });
});

describe("defaultRankingYear", () => {
  it("skips a latest year in which only a few regions have results", () => {
    expect(defaultRankingYear(new Map([[2023, 40], [2024, 38], [2025, 1]]))).toBe(2024);
    expect(defaultRankingYear(new Map())).toBe(new Date().getFullYear());
  });
});
