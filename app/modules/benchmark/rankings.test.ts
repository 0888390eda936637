import { describe, expect, it } from "vitest";
import type { FigureKind } from "./figure-kinds";
import { defaultRankingYear, parseRankingQuery, rankingKind, rankingSearch, rankRegions } from "./rankings";

const candidate = (code: string, value: number, previousValue: number | null = null, kind: FigureKind = "official", previousKind: FigureKind = kind) => ({
  code,
  name: `Kab. ${code}`,
  shortName: code,
  kind,
  value,
  previous: previousValue === null ? null : { kind: previousKind, value: previousValue },
});

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

  it("refuses to rank figures of different kinds together", () => {
    expect(() => rankRegions([candidate("A", 4.51), candidate("B", 4.55, null, "sample")], "peringkat", false)).toThrow(/different kinds/);
  });

  it("refuses a change computed from a previous figure of another kind", () => {
    // Official 4,51 minus sample 4,15 is not a change of anything.
    expect(() => rankRegions([candidate("A", 4.51, 4.15, "official", "sample")], "peringkat", false)).toThrow(/different kinds/);
  });

  it("ranks any one kind on its own", () => {
    const ranked = rankRegions([candidate("A", 3.1, 3.0, "sample"), candidate("B", 3.2, null, "sample")], "peringkat", false);
    expect(ranked.map((row) => [row.candidate.code, row.rank, row.change])).toEqual([
      ["B", 1, null],
      ["A", 2, 0.1],
    ]);
  });
});

describe("rankingKind", () => {
  it("ranks official results unless another available kind is asked for", () => {
    expect(rankingKind(new URLSearchParams(""), ["official", "sample"])).toBe("official");
    expect(rankingKind(new URLSearchParams("data=contoh"), ["official", "sample"])).toBe("sample");
    expect(rankingKind(new URLSearchParams("data=contoh"), ["official"])).toBe("official");
    expect(rankingKind(new URLSearchParams("data=<script>"), ["official"])).toBe("official");
  });
});

describe("parseRankingQuery", () => {
  const known = { framework: "spbe-2020", kind: "official" as const, years: [2022, 2023, 2024], defaultYear: 2024, provinceCodes: new Set(["32"]), cohortSlugs: new Set(["idsl-2022"]) };

  it("defaults to the latest year and ignores junk", () => {
    expect(parseRankingQuery(new URLSearchParams("tahun=1999&provinsi=99&jenis=desa&urut=x&kohort=%27"), known)).toEqual({
      framework: "spbe-2020",
      kind: "official",
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
    expect(rankingSearch(query)).toBe("?kerangka=spbe-2020&tahun=2023&provinsi=32&jenis=kota&kohort=idsl-2022&urut=nama&arah=turun&hal=2");
    expect(rankingSearch({ ...query, kind: "sample", page: 1 })).toBe("?kerangka=spbe-2020&data=contoh&tahun=2023&provinsi=32&jenis=kota&kohort=idsl-2022&urut=nama&arah=turun");
  });
});

describe("defaultRankingYear", () => {
  it("skips a latest year in which only a few regions have results", () => {
    expect(defaultRankingYear(new Map([[2023, 40], [2024, 38], [2025, 1]]))).toBe(2024);
    expect(defaultRankingYear(new Map())).toBe(new Date().getFullYear());
  });
});
