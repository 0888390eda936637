import { count, eq } from "drizzle-orm";
import { practiceAdoptions, practices, provinces } from "../../../db/schema";
import { roundIndex } from "../frameworks";
import { requireFrameworkChoice } from "../frameworks/index.server";
import { oneOf, readParam, readYear, replacedYear } from "../http/url-query";
import { selectPublicPractices } from "../practices/index.server";
import { getBenchmarkData, figureOf } from "./benchmark-data.server";
import { COUNT_CLASSES, classOf, indexClasses, MAP_METRICS, type MapClass, type MapMetric, type MapQuery, meanOfRegions, type ProvinceOnMap } from "./province-map";
import { provinceShapes } from "./province-shapes.server";
import { defaultRankingYear } from "./rankings";

/** Public practices, and adoptions recorded by public practices, per province of the region that published them. */
async function countsByProvince() {
  const [practiceRows, adoptionRows] = await Promise.all([
    selectPublicPractices({ code: provinces.code, count: count() }).groupBy(provinces.code),
    selectPublicPractices({ code: provinces.code, count: count() })
      .innerJoin(practiceAdoptions, eq(practiceAdoptions.adopterPracticeId, practices.id))
      .groupBy(provinces.code),
  ]);
  return { practices: new Map(practiceRows.map((row) => [row.code, row.count])), adoptions: new Map(adoptionRows.map((row) => [row.code, row.count])) };
}

/**
 * The province map's data. The index is the plain mean of the OFFICIAL figures of one
 * framework and one year, per province, over its kabupaten/kota that have one (never the
 * provincial government's own figure, never another kind). An unknown `ukuran` or a year
 * without official results falls back to the default, and says so (`requested`); an unknown
 * framework is the 404 that lists the real ones (requireFrameworkChoice).
 */
export async function getProvinceMap(params: URLSearchParams) {
  const { framework, frameworks } = await requireFrameworkChoice(params);
  // Official figures are the same for every viewer, so no viewer is needed to read them.
  const [data, counts] = await Promise.all([getBenchmarkData(framework.slug, null), countsByProvince()]);
  if (!data) throw new Response(null, { status: 404 });

  const perYear = new Map<number, number>();
  for (const figure of data.figures.official.values()) {
    if (data.regions.has(figure.code)) perYear.set(figure.year, (perYear.get(figure.year) ?? 0) + 1);
  }
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const requestedMetric = params.get("ukuran");
  const metric: MapMetric = readParam(params, "ukuran", oneOf(MAP_METRICS)) ?? "indeks";
  const askedYear = readYear(params);
  const year = askedYear !== null && years.includes(askedYear) ? askedYear : perYear.size > 0 ? defaultRankingYear(perYear) : null;

  const classes: readonly MapClass[] = metric === "indeks" ? indexClasses(framework.bands) : COUNT_CLASSES;
  const decimals = metric === "indeks" ? framework.decimals : 0;
  const regionsOf = new Map<string, string[]>();
  for (const region of data.regions.values()) regionsOf.set(region.provinceCode, [...(regionsOf.get(region.provinceCode) ?? []), region.code]);

  const shapes = provinceShapes();
  const rows: ProvinceOnMap[] = shapes.provinces.map((shape) => {
    const codes = regionsOf.get(shape.code) ?? [];
    const { mean, count: withData } = year === null ? { mean: null, count: 0 } : meanOfRegions(codes.map((code) => figureOf(data, "official", code, year)));
    const values = { indeks: mean, praktik: counts.practices.get(shape.code) ?? 0, adopsi: counts.adoptions.get(shape.code) ?? 0 };
    return {
      code: shape.code,
      name: data.provinces.get(shape.code) ?? shape.name,
      path: shape.path,
      regions: codes.length,
      withData,
      mean: mean === null ? null : roundIndex(mean, framework.decimals),
      practices: values.praktik,
      adoptions: values.adopsi,
      mapClass: classOf(classes, values[metric], decimals),
    };
  });
  const query: MapQuery = { metric, framework: framework.slug, year: year ?? framework.lastYear ?? framework.firstYear ?? new Date().getFullYear() };
  return {
    query,
    framework: { slug: framework.slug, name: framework.name, shortName: framework.shortName, decimals: framework.decimals },
    frameworks,
    years,
    hasOfficial: year !== null,
    width: shapes.width,
    height: shapes.height,
    classes,
    decimals,
    provinces: rows,
    /** What the URL asked for and could not be shown, so the page can say what it shows instead. */
    replaced: {
      metric: requestedMetric !== null && requestedMetric !== metric ? requestedMetric.slice(0, 40) : null,
      year: metric === "indeks" ? replacedYear(params, query.year) : null,
    },
  };
}

export type ProvinceMap = Awaited<ReturnType<typeof getProvinceMap>>;
