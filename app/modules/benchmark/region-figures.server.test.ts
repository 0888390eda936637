import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { frameworks, publishedResults } from "../../../db/schema";
import { upsertSource } from "../../../db/sources";
import { db } from "../db.server";
import { SPBE_2020 } from "../frameworks/index.server";
import { invalidateBenchmarkData } from "./benchmark-data.server";
import { getGovernmentFigures, provinceAverages, withLatestOfficialFigure } from "./region-figures.server";

describe("getGovernmentFigures", () => {
  it("gives Sumedang's official history with sources and the national index of each year", async () => {
    const figures = await getGovernmentFigures("32.11", SPBE_2020, null);
    const official = figures!.rows.flatMap((row) => (row.figures.official ? [[row.year, row.figures.official.value, row.figures.official.predikat]] : []));
    expect(official).toEqual([
      [2018, 2.48, "Cukup"],
      [2020, 3.81, "Sangat Baik"],
      [2021, 3.52, "Sangat Baik"],
      [2022, 3.84, "Sangat Baik"],
      [2024, 4.51, "Memuaskan"],
    ]);
    const row = (year: number) => figures!.rows.find((entry) => entry.year === year)!;
    expect(row(2020).figures.official?.published[0]?.source.url).toMatch(/^https:\/\/www\.tinewss\.com\//);
    expect(row(2018).figures.official?.published[0]?.source).toMatchObject({ url: null, citation: expect.stringContaining("KBRN") });
    expect(row(2021).national).toMatchObject({ value: 2.24, published: [expect.objectContaining({ source: expect.objectContaining({ url: "https://spbe.belitung.go.id/?p=1630", decree: "Kepmen PANRB 1503/2021" }) })] });
    expect(figures!.headline).toMatchObject({ year: 2024, value: 4.51, kind: "official" });
  });

  it("gives a province's own government its own figures", async () => {
    const figures = await getGovernmentFigures("32", SPBE_2020, null);
    expect(figures!.rows.map((row) => [row.year, row.figures.official?.value])).toEqual([
      [2022, 3.37],
      [2023, 4.14],
    ]);
  });

  it("shows a figure two sources disagree on as disputed, with both values, and settles on neither", async () => {
    const frameworkId = (await db().query.frameworks.findFirst({ where: eq(frameworks.slug, SPBE_2020) }))!.id;
    for (const [value, url] of [
      [2.69, "https://rakyat.news/luwu-utara-2021"],
      [2.68, "https://palopopos.co.id/luwu-utara-2021"],
    ] as const) {
      const sourceId = await upsertSource(db(), "news", url);
      await db().insert(publishedResults).values({ frameworkId, regionCode: "73.22", year: 2021, value, sourceId, origin: "seed" });
    }
    await invalidateBenchmarkData();
    const figure = (await getGovernmentFigures("73.22", SPBE_2020, null))!.rows.find((row) => row.year === 2021)!.figures.official!;
    expect(figure).toMatchObject({ value: null, disputed: true, predikat: null });
    expect(figure.published.map((entry) => [entry.value, entry.source.url])).toEqual([
      [2.69, "https://rakyat.news/luwu-utara-2021"],
      [2.68, "https://palopopos.co.id/luwu-utara-2021"],
    ]);
    expect((await withLatestOfficialFigure(SPBE_2020, [{ code: "73.22" }]))[0]?.latest).toMatchObject({ year: 2021, value: null, disputed: true });
  });
});

describe("withLatestOfficialFigure", () => {
  it("gives each region its latest official index with its predikat, and null to regions without one", async () => {
    const regions = await withLatestOfficialFigure(SPBE_2020, [{ code: "32.11", name: "Sumedang" }, { code: "33.16" }, { code: "11.01" }]);
    expect(regions.map((region) => region.code)).toEqual(["32.11", "33.16", "11.01"]);
    expect(regions[0]).toMatchObject({ name: "Sumedang", latest: { year: 2024, value: 4.51, predikat: "Memuaskan" } });
    expect(regions[1]?.latest).toMatchObject({ year: 2023, value: 3.27, predikat: "Baik" });
    expect(regions[2]?.latest).toBeNull();
  });
});

describe("provinceAverages", () => {
  it("gives the averages sources publish for a province's kabupaten/kota, newest first", async () => {
    const averages = await provinceAverages(SPBE_2020, "32");
    expect(averages.map((average) => [average.year, average.value, average.scope])).toEqual([
      [2024, 3.89, "province_regions"],
      [2024, 3.73, "named_group"],
      [2023, 3.38, "province_regions"],
    ]);
    expect(await provinceAverages(SPBE_2020, "11")).toEqual([]);
  });
});
