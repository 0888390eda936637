import { describe, expect, it } from "vitest";
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
  const region = (code: string, population: number | null, profile: number[] | null) => ({ code, population, profile });
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
});

describe("group statistics", () => {
  it("averages, finds the best and ranks with ties", () => {
    expect(averageAndBest([2, 3, 4])).toEqual({ average: 3, best: 4 });
    expect(averageAndBest([])).toBeNull();
    expect(rankAmong(3.81, [4.2, 3.814, 3.81, 2])).toBe(2);
  });
});

describe("leaderGaps", () => {
  it("picks the indicators with the most weighted gap to the peers' best, leaders by overall index", () => {
    const indicators = [
      { id: 1, weight: 1.3 },
      { id: 2, weight: 3 },
      { id: 3, weight: 2.5 },
    ];
    const mine = new Map([
      [1, 1],
      [2, 3],
      [3, 5],
    ]);
    const peers = new Map([
      ["X", new Map([[1, 4], [2, 5], [3, 4]])],
      ["Y", new Map([[1, 4], [2, 4], [3, 5]])],
    ]);
    const gaps = leaderGaps(mine, peers, indicators, new Map([["X", 3], ["Y", 3.5]]));
    // Indicator 1: gap 3 × 1.3 = 3.9; indicator 2: gap 2 × 3 = 6; indicator 3: no gap.
    expect(gaps).toEqual([
      { indicatorId: 2, myLevel: 3, leaderLevel: 5, gap: 2, leaders: ["X"] },
      { indicatorId: 1, myLevel: 1, leaderLevel: 4, gap: 3, leaders: ["Y", "X"] },
    ]);
  });
});
