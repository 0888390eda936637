import { describe, expect, it } from "vitest";
import { levelFromExternalScore } from "./external-score";

const scale = { min: 1, max: 5 };

describe("levelFromExternalScore", () => {
  it("takes the whole level the score reaches on the 1–5 scale", () => {
    expect(levelFromExternalScore(3.62, scale)).toBe(3);
    expect(levelFromExternalScore(3, scale)).toBe(3);
    expect(levelFromExternalScore(2.99, scale)).toBe(2);
    expect(levelFromExternalScore(1, scale)).toBe(1);
    expect(levelFromExternalScore(1.5, scale)).toBe(1);
    expect(levelFromExternalScore(4.99, scale)).toBe(4);
    expect(levelFromExternalScore(5, scale)).toBe(5);
  });

  it("does not let binary noise drop a whole score a level", () => {
    expect(levelFromExternalScore(2.9999999999999996, scale)).toBe(3);
  });

  it("stays within the scale", () => {
    expect(levelFromExternalScore(0.4, scale)).toBe(1);
    expect(levelFromExternalScore(7, scale)).toBe(5);
  });
});
