import { describe, expect, it } from "vitest";
import { dcgAt, mean, ndcgAt, precisionAt } from "./metrics";

describe("precisionAt", () => {
  it("counts relevant documents among the first k, empty places as misses", () => {
    const judgements = { a: 3, b: 1, c: 0 };
    expect(precisionAt(5, ["a", "x", "b", "c", "y", "b"], judgements)).toBeCloseTo(2 / 5);
    expect(precisionAt(5, ["a"], judgements)).toBeCloseTo(1 / 5);
    expect(precisionAt(2, [], judgements)).toBe(0);
  });
});

describe("dcgAt", () => {
  it("discounts exponential gains by the log of the position", () => {
    // (2^3−1)/log2(2) + (2^0−1)/log2(3) + (2^2−1)/log2(4)
    expect(dcgAt(10, [3, 0, 2])).toBeCloseTo(7 + 0 + 3 / 2);
    expect(dcgAt(1, [3, 2])).toBeCloseTo(7);
  });
});

describe("ndcgAt", () => {
  it("is 1 for the ideal order and less for any other", () => {
    const judgements = { a: 3, b: 2, c: 1 };
    expect(ndcgAt(10, ["a", "b", "c"], judgements)).toBeCloseTo(1);
    expect(ndcgAt(10, ["a", "c", "b"], judgements)).toBeLessThan(1);
    expect(ndcgAt(10, ["x", "a", "b", "c"], judgements)).toBeLessThan(ndcgAt(10, ["a", "c", "b"], judgements));
  });

  it("measures against the best documents even when the ranking misses them", () => {
    // Ideal: 7 + 3/log2(3); found only the grade-2 document, first.
    expect(ndcgAt(10, ["b", "y"], { a: 3, b: 2 })).toBeCloseTo(3 / (7 + 3 / Math.log2(3)));
    expect(ndcgAt(10, ["x", "y"], { a: 3 })).toBe(0);
  });

  it("only looks at the first k places", () => {
    expect(ndcgAt(1, ["x", "a"], { a: 3 })).toBe(0);
    expect(ndcgAt(2, ["x", "a"], { a: 3 })).toBeCloseTo(1 / Math.log2(3));
  });

  it("refuses a query with nothing judged relevant", () => {
    expect(() => ndcgAt(10, ["a"], { a: 0 })).toThrow();
  });
});

describe("mean", () => {
  it("averages, and is 0 for nothing", () => {
    expect(mean([1, 0.5, 0])).toBeCloseTo(0.5);
    expect(mean([])).toBe(0);
  });
});
