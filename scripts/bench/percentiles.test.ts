import { describe, expect, it } from "vitest";
import { percentile, summarizeLatencies } from "./percentiles";

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe("percentile", () => {
  it("takes the nearest rank, without interpolating", () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
  });

  it("is not thrown off by floating-point noise in p × n", () => {
    // 0.07 × 100 is 7.000000000000001 in floating point, which would round up to rank 8.
    expect(percentile(oneToHundred, 7)).toBe(7);
    expect(percentile(oneToHundred, 29)).toBe(29);
  });

  it("refuses no values and percentiles outside 0–100", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("summarizeLatencies", () => {
  it("sorts a copy and reports p50/p95/p99", () => {
    const shuffled = [...oneToHundred].reverse();
    expect(summarizeLatencies(shuffled)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99 });
    expect(shuffled[0]).toBe(100);
  });

  it("lets one slow response dominate p99 of a small sample", () => {
    expect(summarizeLatencies([3.5, 2.25, 1000, 4, 1])).toEqual({ count: 5, p50: 3.5, p95: 1000, p99: 1000 });
  });
});
