import { describe, expect, it } from "vitest";
import { escapeLikePattern } from "../text/like-pattern";
import { directorySearch, parseDirectoryQuery, renamedDirectoryParams } from "./directory-query";

const known = { provinceCodes: new Set(["32", "33"]), cohortSlugs: new Set(["idsl-2022"]) };
const parse = (search: string) => parseDirectoryQuery(new URLSearchParams(search), known);

describe("parseDirectoryQuery", () => {
  it("reads every filter", () => {
    expect(parse("q=+Sumedang+&provinsi=32&jenis=kota&kohort=idsl-2022&hal=3")).toEqual({
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
    ["provinsi=99"],
    ["provinsi=32%27%20or%201=1"],
    ["jenis=provinsi"],
    ["jenis[]=kota"],
    ["kohort=unknown"],
    ["hal=abc"],
    ["hal=-4"],
    ["hal=2.5"],
    ["hal=1e9"],
  ])("ignores junk %s", (search) => {
    const query = parse(search);
    expect(query).toMatchObject({ province: null, type: null, cohort: null, page: 1 });
  });

  it("caps very long names", () => {
    expect(parse(`q=${"x".repeat(5000)}`).name).toHaveLength(100);
  });
});

describe("directorySearch", () => {
  const query = parse("q=Bandung&provinsi=32&jenis=kota");

  it("keeps the filters and drops defaults", () => {
    expect(directorySearch(query)).toBe("?q=Bandung&provinsi=32&jenis=kota");
    expect(directorySearch(parse(""))).toBe("");
  });

  it("applies overrides such as the page", () => {
    expect(directorySearch(query, { page: 2 })).toBe("?q=Bandung&provinsi=32&jenis=kota&hal=2");
  });
});

describe("renamedDirectoryParams", () => {
  it("renames the old English parameters of a directory link and keeps the rest", () => {
    const renamed = renamedDirectoryParams(new URLSearchParams("q=Bandung&province=32&type=kota&cohort=idsl-2022&page=2"));
    expect(renamed?.toString()).toBe("q=Bandung&provinsi=32&jenis=kota&kohort=idsl-2022&hal=2");
    expect(parseDirectoryQuery(renamed!, known)).toEqual({ name: "Bandung", province: "32", type: "kota", cohort: "idsl-2022", page: 2 });
  });

  it("leaves today's links alone, and a new name given as well wins", () => {
    expect(renamedDirectoryParams(new URLSearchParams("q=Bandung&provinsi=32&hal=2"))).toBeNull();
    expect(renamedDirectoryParams(new URLSearchParams("province=33&provinsi=32"))?.toString()).toBe("provinsi=32");
    expect(renamedDirectoryParams(new URLSearchParams("constructor=x"))).toBeNull();
  });
});

describe("escapeLikePattern", () => {
  it("makes LIKE wildcards literal", () => {
    expect(escapeLikePattern("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});
