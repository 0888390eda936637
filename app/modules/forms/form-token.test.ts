import { describe, expect, it } from "vitest";
import { FORM_TOKEN_FIELD, readFormToken } from "./form-token";

const formWith = (value: string | null) => {
  const form = new FormData();
  if (value !== null) form.set(FORM_TOKEN_FIELD, value);
  return form;
};

describe("readFormToken", () => {
  it("reads a token as the server makes them", () => {
    expect(readFormToken(formWith("abcdefghijklmnopqrstuvwxyz234567"))).toBe("abcdefghijklmnopqrstuvwxyz234567");
  });

  it("treats a missing or malformed token as none", () => {
    expect(readFormToken(formWith(null))).toBeNull();
    expect(readFormToken(formWith(""))).toBeNull();
    expect(readFormToken(formWith("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))).toBeNull();
    expect(readFormToken(formWith("abc"))).toBeNull();
    expect(readFormToken(formWith("abcdefghijklmnopqrstuvwxyz2345678"))).toBeNull();
  });
});
