import { describe, expect, it } from "vitest";
import { combinePublishedValues, type PublishedValue } from "./published-values";

const from = (value: number, citation: string, decimals = 2): PublishedValue => ({
  value,
  decimals,
  reportedPredikat: null,
  source: { citation, url: `https://${citation}/`, quote: null, decree: null },
});

describe("combinePublishedValues", () => {
  it("takes the value every source agrees on and keeps all of them", () => {
    const combined = combinePublishedValues([from(3.7, "a.id", 1), from(3.7, "b.id")]);
    expect(combined).toMatchObject({ value: 3.7, decimals: 2, disputed: false });
    expect(combined.published).toHaveLength(2);
  });

  it("keeps a value printed with one decimal as printed", () => {
    expect(combinePublishedValues([from(3.7, "a.id", 1)])).toMatchObject({ value: 3.7, decimals: 1 });
  });

  it("settles on nothing when sources disagree, and shows both", () => {
    const combined = combinePublishedValues([from(2.69, "a.id"), from(2.68, "b.id")]);
    expect(combined).toMatchObject({ value: null, disputed: true });
    expect(combined.published.map((entry) => entry.value)).toEqual([2.69, 2.68]);
  });
});
