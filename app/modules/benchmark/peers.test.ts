import { describe, expect, it } from "vitest";
import type { FigureKind } from "./figure-kinds";
import { averageAndBest, leaderGaps, parsePeerGroupKey, peerGroupParam, rankAmong, similarRegions } from "./peers";

describe("peer group keys", () => {
  it.each(["provinsi", "jenis", "mirip", "kohort:idsl-2022", "kustom:12"])("round-trips %s", (param) => {
    expect(peerGroupParam(parsePeerGroupKey(param)!)).toBe(param);
  });

  it("refuses junk", () => {
    for (const junk of [null, "", "kohort:", "kustom:abc", "kohort:<script>", "provinsi "]) expect(parsePeerGroupKey(junk)).toBeNull();
  });
});

describe("similarRegions", () => {
  const region = (code: string, population: number | null, profile: number[] | null, kind: FigureKind = "verified") => ({
    code,
    population,
    profile: profile && { kind, values: profile },
  });
  const all = [
    region("A", 1_000_000, [3, 3]),
    region("B", 1_100_000, [3.1, 2.9]),
    region("C", 100_000, [3, 3]),
    region("D", 1_000_000, [1, 1]),
    region("E", null, [3, 3]),
  ];

  it("orders by population (log scale) and profile, excluding the region itself and incomplete ones", () => {
    expect(similarRegions(all[0]!, all, 3)).toEqual(["B", "C", "D"]);
    expect(similarRegions(all[0]!, all, 10)).not.toContain("E");
  });

  it("finds nothing for a region without population or profile", () => {
    expect(similarRegions(all[4]!, all)).toEqual([]);
  });

  it("refuses to compare profiles of different kinds", () => {
    expect(() => similarRegions(all[0]!, [...all, region("F", 900_000, [3, 3], "sample")])).toThrow(/different kinds/);
  });
});

describe("group statistics", () => {
  const official = (value: number) => ({ kind: "official" as const, value });

  it("averages, finds the best and ranks with ties", () => {
    expect(averageAndBest([2, 3, 4].map(official))).toEqual({ average: 3, best: 4, count: 3 });
    expect(averageAndBest([])).toBeNull();
    expect(rankAmong(official(3.81), [4.2, 3.814, 3.81, 2].map(official))).toBe(2);
  });

  it("never averages or ranks across kinds", () => {
    expect(() => averageAndBest([official(4.51), { kind: "sample", value: 4.55 }])).toThrow(/different kinds/);
    expect(() => rankAmong(official(4.51), [{ kind: "sample", value: 4.55 }])).toThrow(/different kinds/);
    expect(() => rankAmong({ kind: "verified", value: 3 }, [official(3)])).toThrow(/different kinds/);
  });
});

describe("leaderGaps", () => {
  it("picks the indicators with the most weighted gap to the peers' best, leaders by overall index", () => {
    const indicators = [
      { id: 1, weight: 1.3 },
      { id: 2, weight: 3 },
      { id: 3, weight: 2.5 },
    ];
    const mine = {
      kind: "verified" as const,
      levels: new Map([
        [1, 1],
        [2, 3],
        [3, 5],
      ]),
    };
    const peers = new Map([
      ["X", { kind: "verified" as const, levels: new Map([[1, 4], [2, 5], [3, 4]]) }],
      ["Y", { kind: "verified" as const, levels: new Map([[1, 4], [2, 4], [3, 5]]) }],
    ]);
    const gaps = leaderGaps(mine, peers, indicators, new Map([["X", 3], ["Y", 3.5]]));
    // Indicator 1: gap 3 × 1.3 = 3.9; indicator 2: gap 2 × 3 = 6; indicator 3: no gap.
    expect(gaps).toEqual([
      { indicatorId: 2, myLevel: 3, leaderLevel: 5, gap: 2, leaders: ["X"] },
      { indicatorId: 1, myLevel: 1, leaderLevel: 4, gap: 3, leaders: ["Y", "X"] },
    ]);
  });

  it("never learns from leaders of another kind", () => {
    const mine = { kind: "verified" as const, levels: new Map([[1, 1]]) };
    const peers = new Map([["S", { kind: "sample" as const, levels: new Map([[1, 5]]) }]]);
    expect(() => leaderGaps(mine, peers, [{ id: 1, weight: 1 }], new Map())).toThrow(/different kinds/);
  });
});
