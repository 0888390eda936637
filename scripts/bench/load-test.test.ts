import { describe, expect, it } from "vitest";
import { withUniqueQuery } from "./load-test";

describe("withUniqueQuery", () => {
  it("adds a parameter no other request carries, after any query already there", () => {
    expect(withUniqueQuery("/praktik", 7)).toBe("/praktik?_=7");
    expect(withUniqueQuery("/praktik?urut=terbanyak-diadopsi", 8)).toBe("/praktik?urut=terbanyak-diadopsi&_=8");
  });
});
