import { describe, expect, it } from "vitest";
import { escapeLikePattern } from "../text/like-pattern";
import { directorySearch, parseDirectoryQuery } from "./directory-query";

const known = { provinceCodes: new Set(["32", "33"]), cohortSlugs: new Set(["idsl-2022"]) };
const parse = (search: string) => parseDirectoryQuery(new URLSearchParams(search), known);

describe("parseDirectoryQuery", () => {
  it("reads every filter", () => {
    expect(parse("q=+Sumedang+&province=32&type=kota&cohort=idsl-2022&page=3")).toEqual({
      name: "Sumedang",
      province: "32",
      type: "kota",
      cohort: "idsl-2022",
      page: 3,
    });
  });

  it("defaults when nothing is given", () => {
    expect(parse("")).toEqual({ name: "", province: null, type: null, cohort: null, page: 1 });
  });

  it.each([
    ["province=99"],
    ["province=32%27%20or%201=1"],
    ["type=provinsi"],
    ["type[]=kota"],
    ["cohort=unknown"],
    ["page=abc"],
    ["page=-4"],
    ["page=2.5"],
    ["page=1e9"],
  ])("ignores junk %s", (search) => {
    const query = parse(search);
    expect(query).toMatchObject({ province: null, type: null, cohort: null, page: 1 });
  });

  it("caps very long names", () => {
    expect(parse(`q=${"x".repeat(5000)}`).name).toHaveLength(100);
  });
});

describe("directorySearch", () => {
  const query = parse("q=Bandung&province=32&type=kota");

  it("keeps the filters and drops defaults", () => {
    expect(directorySearch(query)).toBe("?q=Bandung&province=32&type=kota");
    expect(directorySearch(parse(""))).toBe("");
  });

  it("applies overrides such as the page", () => {
    expect(directorySearch(query, { page: 2 })).toBe("?q=Bandung&province=32&type=kota&page=2");
  });
});

describe("escapeLikePattern", () => {
  it("makes LIKE wildcards literal", () => {
    expect(escapeLikePattern("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});
