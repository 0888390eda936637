import { describe, expect, it } from "vitest";
import { parseDirectoryQuery } from "./directory-query";
import { countRegionsAndProvinces, getProvince, getRegionProfile, searchRegionDirectory } from "./regions.server";

const known = { provinceCodes: new Set(["32", "33", "35"]), cohortSlugs: new Set(["idsl-2022"]) };
const search = (params: string) => searchRegionDirectory(parseDirectoryQuery(new URLSearchParams(params), known));

describe("searchRegionDirectory", () => {
  it("lists all 514 kabupaten/kota, 25 per page, by name", async () => {
    const page = await search("");
    expect(page.total).toBe(514);
    expect(page.pageCount).toBe(21);
    expect(page.regions).toHaveLength(25);
    const names = page.regions.map((region) => region.name.replace(/^(Kabupaten|Kota) /, ""));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
  });

  it("filters by province and type", async () => {
    const page = await search("provinsi=32&jenis=kota");
    expect(page.total).toBe(9);
    expect(page.regions.every((region) => region.type === "kota" && region.provinceName === "Jawa Barat")).toBe(true);
  });

  it("finds by part of the name, case-insensitively", async () => {
    const page = await search("q=sumeDANG");
    expect(page.regions.map((region) => region.code)).toEqual(["32.11"]);
  });

  it("treats LIKE wildcards in the name literally", async () => {
    expect((await search("q=%25")).total).toBe(0);
    expect((await search("q=_")).total).toBe(0);
  });

  it("filters by cohort and shows cohort badges", async () => {
    const page = await search("kohort=idsl-2022");
    expect(page.total).toBe(6);
    expect(page.regions.every((region) => region.cohorts.includes("IDSL 2022"))).toBe(true);
  });

  it("clamps a page past the end to the last page", async () => {
    const page = await search("hal=999");
    expect(page.page).toBe(21);
    expect(page.regions.length).toBe(514 - 20 * 25);
  });
});

describe("getRegionProfile", () => {
  it("returns Sumedang with its province, source of facts and cohorts", async () => {
    const profile = await getRegionProfile("32.11");
    expect(profile?.region).toMatchObject({ name: "Kabupaten Sumedang", province: { code: "32", name: "Jawa Barat" }, source: { citation: expect.stringContaining("Kepmendagri") } });
    expect(profile?.cohorts.map((cohort) => cohort.slug)).toEqual(["idsl-2022"]);
    expect((await getRegionProfile("11.01"))?.cohorts).toEqual([]);
  });

  it.each([["99.99"], ["32"], ["32.11'; drop table regions; --"], [""], ["x".repeat(10_000)]])(
    "returns null for %s",
    async (code) => {
      expect(await getRegionProfile(code)).toBeNull();
    },
  );
});

describe("getProvince", () => {
  it("returns a province with its kabupaten/kota, or null", async () => {
    const province = await getProvince("32");
    expect(province?.province.name).toBe("Jawa Barat");
    expect(province?.regions).toHaveLength(27);
    for (const code of ["99", "32.11", "3", "<x>"]) expect(await getProvince(code)).toBeNull();
  });
});

describe("countRegionsAndProvinces", () => {
  it("counts the directory", async () => {
    expect(await countRegionsAndProvinces()).toEqual({ regions: 514, provinces: 38 });
  });
});
