import { describe, expect, it } from "vitest";
import { integerBetween, isoDate, knownCode, oneOf, readPage, readParam, readYear, renamedParams, replacedYear, searchString, textUpTo } from "./url-query";

describe("url query readers", () => {
  it("reads usable values and nothing else", () => {
    const params = new URLSearchParams("urut=nama&provinsi=32&tahun=2023&hal=2.5");
    expect(readParam(params, "urut", oneOf(["nama", "peringkat"]))).toBe("nama");
    expect(readParam(params, "provinsi", knownCode(new Set(["33"])))).toBeNull();
    expect(readParam(params, "tahun", integerBetween(2000, 2100))).toBe(2023);
    expect(readParam(params, "tidak-ada", integerBetween(0, 9))).toBeNull();
    expect(readPage(params)).toBe(1);
  });

  it.each(["", " ", "abc", "-1", "1e9", "Infinity", "3.5", "2.000", "1.200", "2,0", " 2", "+2", "0x10", "２"])("refuses %j as a page", (raw) => {
    expect(readPage(new URLSearchParams({ hal: raw }))).toBe(1);
  });

  it.each([["2024", 2024], ["2.025", null], ["2025.0", null], ["2,025", null], ["20250", null], ["", null], ["２０２４", null]] as const)("reads tahun=%j as %j", (raw, year) => {
    expect(readYear(new URLSearchParams({ tahun: raw }))).toBe(year);
  });

  it("names the year a link asked for only when the page shows another", () => {
    const replaced = (query: string, shown: number | null) => replacedYear(new URLSearchParams(query), shown);
    expect(replaced("tahun=2023", 2023)).toBeNull();
    expect(replaced("", 2023)).toBeNull();
    expect(replaced("tahun=", 2023)).toBeNull();
    expect(replaced("tahun=1999", 2023)).toBe("1999");
    expect(replaced("tahun=2.023", 2023)).toBe("2.023");
    expect(replaced("tahun=2023", null)).toBe("2023");
    expect(replaced(`tahun=${"9".repeat(40)}`, 2023)).toBe("999999999999");
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

describe("isoDate and textUpTo", () => {
  it("reads only dates that exist, written as date inputs send them", () => {
    const params = new URLSearchParams("dari=2026-02-28&sampai=2026-02-30&x=28-02-2026");
    expect(readParam(params, "dari", isoDate())).toBe("2026-02-28");
    expect(readParam(params, "sampai", isoDate())).toBeNull();
    expect(readParam(params, "x", isoDate())).toBeNull();
  });

  it("trims free text, cuts it to length and reads blank as absent", () => {
    const params = new URLSearchParams({ q: "  budi  ", r: "   ", s: "x".repeat(300) });
    expect(readParam(params, "q", textUpTo(100))).toBe("budi");
    expect(readParam(params, "r", textUpTo(100))).toBeNull();
    expect(readParam(params, "s", textUpTo(254))).toHaveLength(254);
  });
});
