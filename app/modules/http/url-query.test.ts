import { describe, expect, it } from "vitest";
import { integerBetween, knownCode, oneOf, readPage, readParam, renamedParams, searchString } from "./url-query";

describe("url query readers", () => {
  it("reads usable values and nothing else", () => {
    const params = new URLSearchParams("urut=nama&provinsi=32&tahun=2023&hal=2.5");
    expect(readParam(params, "urut", oneOf(["nama", "peringkat"]))).toBe("nama");
    expect(readParam(params, "provinsi", knownCode(new Set(["33"])))).toBeNull();
    expect(readParam(params, "tahun", integerBetween(2000, 2100))).toBe(2023);
    expect(readParam(params, "tidak-ada", integerBetween(0, 9))).toBeNull();
    expect(readPage(params)).toBe(1);
  });

  it.each(["", " ", "abc", "-1", "1e9", "Infinity", "3.5"])("refuses %j as a page", (raw) => {
    expect(readPage(new URLSearchParams({ hal: raw }))).toBe(1);
  });

  it("writes parameters in order and leaves defaults out", () => {
    expect(searchString({ q: "a b", provinsi: null, hal: 2, kosong: "" })).toBe("?q=a+b&hal=2");
    expect(searchString({ provinsi: undefined })).toBe("");
  });

  it("renames old parameter names only when one is used", () => {
    expect(renamedParams(new URLSearchParams("page=2&q=x"), { page: "hal" })?.toString()).toBe("hal=2&q=x");
    expect(renamedParams(new URLSearchParams("hal=2&toString=1"), { page: "hal" })).toBeNull();
  });
});
