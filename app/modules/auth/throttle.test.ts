import { describe, expect, it } from "vitest";
import { delayAfterFailures } from "./throttle.server";

describe("delayAfterFailures", () => {
  it("allows a few typos, then doubles the wait up to 15 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((failures) => delayAfterFailures("email", failures))).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(delayAfterFailures("email", 40)).toBe(900);
  });

  it("tolerates more failures from one IP, which may be a whole office", () => {
    expect(delayAfterFailures("ip", 20)).toBe(0);
    expect(delayAfterFailures("ip", 21)).toBe(1);
  });
});
