import { describe, expect, it } from "vitest";
import { isStaleRead, summarizeReads } from "./stale-reads";
import { roundRobin } from "./round-robin-proxy";

describe("isStaleRead", () => {
  it("is stale when the page shows the state from before the write", () => {
    expect(isStaleRead({ expectShown: true, status: 200, shown: false, servedBy: "a" })).toBe(true);
    expect(isStaleRead({ expectShown: false, status: 200, shown: true, servedBy: "a" })).toBe(true);
    expect(isStaleRead({ expectShown: true, status: 200, shown: true, servedBy: "a" })).toBe(false);
  });

  it("is stale when the validator held from before the write is still accepted", () => {
    expect(isStaleRead({ expectShown: true, status: 304, shown: false, servedBy: "a" })).toBe(true);
  });

  it("leaves failed reads to be counted as failures, not as stale", () => {
    expect(isStaleRead({ expectShown: true, status: 503, shown: false, servedBy: "a" })).toBe(false);
  });
});

describe("summarizeReads through a round robin of two servers", () => {
  it("counts stale and failed reads and which server answered each", () => {
    const next = roundRobin(["a", "b"]);
    const reads = [
      { expectShown: true, status: 200, shown: true },
      { expectShown: true, status: 200, shown: false },
      { expectShown: false, status: 200, shown: false },
      { expectShown: false, status: 502, shown: false },
      { expectShown: false, status: 304, shown: false },
    ].map((read) => ({ ...read, servedBy: next() }));
    const summary = summarizeReads(reads);
    expect(summary).toMatchObject({ reads: 5, stale: 2, failed: 1 });
    expect([...summary.byServer]).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
  });
});
