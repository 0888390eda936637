import { describe, expect, it } from "vitest";
import { predikatOf, roundIndex } from "./predikat";

// SPBE 2020 bands (Permen PANRB 59/2020), in deliberately unsorted order.
const spbe = {
  decimals: 2,
  bands: [
    { name: "Cukup", minValue: 1.8 },
    { name: "Memuaskan", minValue: 4.2 },
    { name: "Kurang", minValue: 0 },
    { name: "Baik", minValue: 2.6 },
    { name: "Sangat Baik", minValue: 3.5 },
  ],
};

describe("predikatOf", () => {
  it.each([
    [1.0, "Kurang"],
    [1.79, "Kurang"],
    [1.8, "Cukup"],
    [2.59, "Cukup"],
    [2.6, "Baik"],
    [3.49, "Baik"],
    [3.5, "Sangat Baik"],
    [3.81, "Sangat Baik"],
    [4.19, "Sangat Baik"],
    [4.2, "Memuaskan"],
    [5.0, "Memuaskan"],
  ])("gives %s the predikat %s", (value, expected) => {
    expect(predikatOf(spbe, value)).toBe(expected);
  });

  it("judges the value as published, rounded to the framework's decimals", () => {
    expect(predikatOf(spbe, 4.1996)).toBe("Memuaskan");
    expect(predikatOf(spbe, 4.194)).toBe("Sangat Baik");
    expect(predikatOf(spbe, 3.4949)).toBe("Baik");
  });

  it("has no predikat below the lowest band", () => {
    expect(predikatOf(spbe, -1)).toBeNull();
    expect(predikatOf({ bands: [], decimals: 2 }, 2)).toBeNull();
    expect(predikatOf(spbe, null)).toBeNull();
  });
});

describe("roundIndex", () => {
  it("rounds half up at the reported precision despite binary floating point", () => {
    expect(roundIndex(2.675, 2)).toBe(2.68);
    expect(roundIndex(1.005, 2)).toBe(1.01);
    expect(roundIndex(3.8149, 2)).toBe(3.81);
  });
});
