import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeRedirectPath("/daerah?province=32&type=kota")).toBe("/daerah?province=32&type=kota");
  });

  it.each([
    ["https://evil.example/"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["daerah"],
    ["/ok\r\nSet-Cookie: x=1"],
    [""],
    [null],
    [42],
    ["/" + "a".repeat(3000)],
  ])("falls back for %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
    expect(safeRedirectPath(value, "/daerah")).toBe("/daerah");
  });
});
