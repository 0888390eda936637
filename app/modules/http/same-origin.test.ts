import { describe, expect, it } from "vitest";
import { isAllowedRequestOrigin } from "./same-origin";

const host = "idsl.example.go.id";

describe("isAllowedRequestOrigin", () => {
  it("lets safe methods through whatever they claim", () => {
    expect(isAllowedRequestOrigin({ method: "GET", host, origin: "https://evil.example", referer: undefined })).toBe(true);
  });

  it("accepts posts from our own origin, or our own referer when Origin is missing", () => {
    expect(isAllowedRequestOrigin({ method: "POST", host, origin: `https://${host}`, referer: undefined })).toBe(true);
    expect(isAllowedRequestOrigin({ method: "POST", host, origin: undefined, referer: `https://${host}/akun` })).toBe(true);
  });

  it.each([
    [{ origin: "https://evil.example", referer: `https://${host}/` }],
    [{ origin: undefined, referer: "https://evil.example/form" }],
    [{ origin: "null", referer: undefined }],
    [{ origin: "null", referer: `https://${host}/akun` }],
    [{ origin: undefined, referer: undefined }],
    [{ origin: "not a url", referer: undefined }],
    [{ origin: `https://${host}.evil.example`, referer: undefined }],
  ])("refuses a cross-site or unlabelled post %j", (claims) => {
    expect(isAllowedRequestOrigin({ method: "POST", host, ...claims })).toBe(false);
    expect(isAllowedRequestOrigin({ method: "DELETE", host, ...claims })).toBe(false);
  });

  it("lets a mail provider's one-click unsubscribe post through (the signed link is its authority), and nothing else", () => {
    expect(isAllowedRequestOrigin({ method: "POST", path: "/berhenti-langganan/1.daily.abc", host, origin: undefined, referer: undefined })).toBe(true);
    expect(isAllowedRequestOrigin({ method: "POST", path: "/berhenti-langganan/1.daily.abc/lagi", host, origin: undefined, referer: undefined })).toBe(false);
    expect(isAllowedRequestOrigin({ method: "POST", path: "/akun", host, origin: undefined, referer: undefined })).toBe(false);
  });
});
