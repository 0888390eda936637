/**
 * The read-only API's endpoints (decision 0028): each parses its parameters and shapes its answer
 * with the schemas in schemas.server.ts, and asks the areas that own the data through their
 * public faces, with no viewer: the API sees what a visitor sees (published practices, public
 * visits, published self-assessments), never more.
 */
import { APPLICATION_FUNCTIONS } from "../applications";
import { listCatalog } from "../applications/index.server";
import { type BenchmarkData, computeRankings, type Figure as StoredFigure, FIGURE_KINDS, type FigureKind, getBenchmarkData, rankingChoices } from "../benchmark/index.server";
import { predikatOf } from "../frameworks";
import { defaultFramework, type FrameworkSummary as StoredFramework, getFrameworkSummary, getFrameworkTree, getLevelCriteria, listFrameworks } from "../frameworks/index.server";
import { PRACTICE_STAGES } from "../practices";
import { listPublicAdoptions, listPublishedPractices } from "../practices/index.server";
import { getRegionProfile, getRegionProfileFields, listCohorts, listProvinces, searchRegionDirectory } from "../regions/index.server";
import { listVisits } from "../visits/index.server";
import { ApiProblem, defineEndpoint } from "./respond.server";
import {
  Adoption,
  Application,
  DEFAULT_LIMIT,
  Figure,
  Framework,
  FrameworkSummary,
  KIND_VALUES,
  kindsParam,
  paged,
  params,
  Practice,
  Rankings,
  Region,
  regionCodePath,
  RegionSummary,
  slugPath,
  Visit,
  z,
} from "./schemas.server";

type FigureOut = z.input<typeof Figure>;

const noPathParams = z.object({});

/** One page of `total` items with its numbers and the links to its neighbours (same parameters). */
function envelope<Item>(data: Item[], total: number, query: { hal?: number; batas?: number }, url: URL) {
  const limit = query.batas ?? DEFAULT_LIMIT;
  const page = query.hal ?? 1;
  const pageCount = Math.max(1, Math.ceil(total / limit));
  const link = (target: number) => {
    const search = new URLSearchParams(url.searchParams);
    search.set("hal", String(target));
    return `${url.pathname}?${search}`;
  };
  return {
    data,
    pagination: { total, page, limit, pageCount },
    links: { self: link(page), first: link(1), last: link(pageCount), prev: page > 1 ? link(Math.min(page - 1, pageCount)) : null, next: page < pageCount ? link(page + 1) : null },
  };
}

/** The items of the asked page of a list held in memory. */
function pageOfList<Item>(items: Item[], query: { hal?: number; batas?: number }, url: URL) {
  const limit = query.batas ?? DEFAULT_LIMIT;
  const page = query.hal ?? 1;
  return envelope(items.slice((page - 1) * limit, page * limit), items.length, query, url);
}

const kindOfValue = (value: string) => FIGURE_KINDS.find((kind) => KIND_VALUES[kind] === value)!;

/** The kinds `data=` asks for, official and verified by default: others only when asked. */
function kindsOf(value: string | undefined): FigureKind[] {
  if (!value) return ["official", "verified"];
  return FIGURE_KINDS.filter((kind) => value.split(",").includes(KIND_VALUES[kind]));
}

/** The framework `kerangka=` names (an unknown one is a 400 listing the real ones), else the default. */
async function frameworkOf(slug: string | undefined): Promise<StoredFramework> {
  const frameworks = await listFrameworks();
  if (slug === undefined) return defaultFramework(frameworks);
  const framework = frameworks.find((candidate) => candidate.slug === slug);
  if (!framework) throw new ApiProblem("invalidParameter", [{ parameter: "kerangka", detail: `accepted: ${frameworks.map((known) => known.slug).join(", ")}` }]);
  return framework;
}

/** A figure as the API gives it: its kind, its framework and every source behind it. */
function presentFigure(data: BenchmarkData, framework: StoredFramework, figure: StoredFigure): FigureOut {
  const sourceOf = (source: { citation: string; url: string | null; decree: string | null }) => ({ citation: source.citation, url: source.url, decree: source.decree });
  const sources = figure.published.length > 0 ? figure.published.map((entry) => sourceOf(entry.source)) : figure.source ? [sourceOf(figure.source)] : [];
  return {
    regionCode: figure.code,
    regionName: data.regions.get(figure.code)?.name ?? data.provinces.get(figure.code) ?? figure.code,
    year: figure.year,
    kind: figure.kind,
    framework: { slug: framework.slug, shortName: framework.shortName, version: framework.version },
    value: figure.value,
    decimals: figure.decimals,
    predikat: predikatOf(framework, figure.value),
    disputed: figure.disputed,
    sources,
    publishedValues: figure.published.map((entry) => ({ value: entry.value, decimals: entry.decimals, source: sourceOf(entry.source) })),
  };
}

/** Figures of these kinds under one framework, optionally of one government and year, by year then code. */
async function figuresOf(framework: StoredFramework, kinds: readonly FigureKind[], filter: { code?: string; year?: number }): Promise<FigureOut[]> {
  const data = await getBenchmarkData(framework.slug, null);
  if (!data) return [];
  return kinds
    .flatMap((kind) => [...data.figures[kind].values()])
    .filter((figure) => (filter.code === undefined || figure.code === filter.code) && (filter.year === undefined || figure.year === filter.year))
    .sort((a, b) => a.year - b.year || a.code.localeCompare(b.code) || FIGURE_KINDS.indexOf(a.kind) - FIGURE_KINDS.indexOf(b.kind))
    .map((figure) => presentFigure(data, framework, figure));
}

async function requireKnown(parameter: string, value: string | undefined, known: () => Promise<{ code: string }[]>) {
  if (value !== undefined && !(await known()).some((entry) => entry.code === value)) throw new ApiProblem("invalidParameter", [{ parameter, detail: "unknown code" }]);
}

const cohortCodes = async () => (await listCohorts()).map((cohort) => ({ code: cohort.slug }));

export const regionsEndpoint = defineEndpoint({
  path: "/regions",
  operationId: "listRegions",
  summary: "Kabupaten and kota",
  description: "Every kabupaten/kota by name, filtered like the region directory (/daerah).",
  query: z.strictObject({ q: params.q, provinsi: params.provinsi, jenis: z.enum(["kabupaten", "kota"]).optional(), kohort: params.kohort, hal: params.hal, batas: params.batas }),
  params: noPathParams,
  response: paged("RegionList", RegionSummary),
  async handle({ query, url }) {
    await requireKnown("provinsi", query.provinsi, listProvinces);
    await requireKnown("kohort", query.kohort, cohortCodes);
    const limit = query.batas ?? DEFAULT_LIMIT;
    const page = query.hal ?? 1;
    const directory = await searchRegionDirectory({ name: (query.q ?? "").trim(), province: query.provinsi ?? null, type: query.jenis ?? null, cohort: query.kohort ?? null, page }, limit);
    // The directory shows its last page for a page past the end; the API says there is nothing there.
    const regions = directory.page === page ? directory.regions : [];
    return envelope(
      regions.map((region) => ({ code: region.code, name: region.name, type: region.type, provinceName: region.provinceName, population: region.population, cohorts: region.cohorts })),
      directory.total,
      query,
      url,
    );
  },
});

export const regionEndpoint = defineEndpoint({
  path: "/regions/{code}",
  operationId: "getRegion",
  summary: "One kabupaten/kota with its profile and figures",
  description: "The region's facts, cohorts, description and its figures under every framework, each labelled with kind, framework and sources.",
  query: z.strictObject({ data: kindsParam }),
  params: regionCodePath,
  response: Region,
  async handle({ query, params: { code } }) {
    const [profile, about, frameworks] = await Promise.all([getRegionProfile(code), getRegionProfileFields(code), listFrameworks()]);
    if (!profile) throw new ApiProblem("notFound");
    const kinds = kindsOf(query.data);
    const figures = (await Promise.all([...frameworks].reverse().map((framework) => figuresOf(framework, kinds, { code })))).flat();
    const { region } = profile;
    return {
      code: region.code,
      name: region.name,
      type: region.type,
      province: region.province,
      population: region.population,
      areaKm2: region.areaKm2,
      source: region.source?.citation ? { citation: region.source.citation, url: region.source.url } : null,
      cohorts: profile.cohorts.map(({ slug, name }) => ({ slug, name })),
      description: { id: about.descriptionId, en: about.descriptionEn },
      // The profile's contact email is left out: the API carries no contact data.
      websiteUrl: about.websiteUrl,
      figures,
    };
  },
});

const frameworkSummary = (framework: StoredFramework): z.input<typeof FrameworkSummary> => ({
  slug: framework.slug,
  name: framework.name,
  shortName: framework.shortName,
  version: framework.version,
  sourceStatus: framework.sourceStatus,
  statusNote: framework.statusNote,
  firstYear: framework.firstYear,
  lastYear: framework.lastYear,
  decimals: framework.decimals,
  bands: framework.bands,
});

export const frameworksEndpoint = defineEndpoint({
  path: "/frameworks",
  operationId: "listFrameworks",
  summary: "Assessment frameworks",
  description: "Every framework, newest first, with its years, source status and predikat bands.",
  query: z.strictObject({}),
  params: noPathParams,
  response: z.object({ data: z.array(FrameworkSummary) }).openapi("FrameworkList"),
  async handle() {
    return { data: (await listFrameworks()).map(frameworkSummary) };
  },
});

export const frameworkEndpoint = defineEndpoint({
  path: "/frameworks/{slug}",
  operationId: "getFramework",
  summary: "One framework: structure, weights, bands and level criteria",
  description: "Groups and indicators in official order (parentId links them), each with its weight; each indicator with its levels' names and criteria.",
  query: z.strictObject({}),
  params: slugPath,
  response: Framework,
  async handle({ params: { slug } }) {
    const framework = await getFrameworkSummary(slug);
    if (!framework) throw new ApiProblem("notFound");
    const [tree, criteria] = await Promise.all([getFrameworkTree(slug), getLevelCriteria(slug)]);
    const names = new Map([...tree.groupNames, ...[...tree.indicatorsById].map(([id, indicator]) => [id, indicator.name] as const)]);
    return {
      ...frameworkSummary(framework),
      nodes: tree.nodes.map((node) => ({ ...node, name: names.get(node.id) ?? "", levels: criteria.get(node.id) ?? [] })),
    };
  },
});

export const assessmentsEndpoint = defineEndpoint({
  path: "/assessments",
  operationId: "listAssessments",
  summary: "Figures of one framework",
  description:
    "Every figure of one framework, by year and Kemendagri code: official and verified by default; `data=` opts into published self-assessments (mandiri) or sample data (contoh). Kinds are never merged: each row is one kind.",
  query: z.strictObject({ kerangka: params.kerangka, data: kindsParam, tahun: params.tahun, daerah: params.daerah, hal: params.hal, batas: params.batas }),
  params: noPathParams,
  response: paged("AssessmentList", Figure),
  async handle({ query, url }) {
    const framework = await frameworkOf(query.kerangka);
    return pageOfList(await figuresOf(framework, kindsOf(query.data), { code: query.daerah, year: query.tahun }), query, url);
  },
});

export const rankingsEndpoint = defineEndpoint({
  path: "/rankings",
  operationId: "getRankings",
  summary: "Rankings, as on /peringkat",
  description:
    "The rankings page's table: one framework, one kind (official unless `data=` names another), one year (default: the page's), the same filters and order; disputed figures follow the ranked ones with rank null.",
  query: z.strictObject({
    kerangka: params.kerangka,
    data: z.enum(Object.values(KIND_VALUES)).optional().openapi({ description: "One kind: resmi (default), terverifikasi, mandiri, contoh." }),
    tahun: params.tahun,
    jenis: z.enum(["kabupaten", "kota", "provinsi"]).optional().openapi({ description: "kabupaten, kota, or provinsi (the provincial governments, ranked apart)." }),
    provinsi: params.provinsi,
    kohort: params.kohort,
    urut: z.enum(["peringkat", "nama", "perubahan"]).optional(),
    arah: z.enum(["naik", "turun"]).optional(),
    hal: params.hal,
    batas: params.batas,
  }),
  params: noPathParams,
  response: Rankings,
  async handle({ query, url }) {
    const framework = await frameworkOf(query.kerangka);
    const search = new URLSearchParams({ kerangka: framework.slug });
    for (const name of ["data", "tahun", "jenis", "provinsi", "kohort", "urut", "arah"] as const) if (query[name] !== undefined) search.set(name, String(query[name]));
    const choices = await rankingChoices(search, null);
    if (!choices) throw new ApiProblem("notFound");
    // The page falls back to its defaults for values it has no data for; the API says so instead.
    const refused = [
      query.data !== undefined && choices.query.kind !== kindOfValue(query.data) ? { parameter: "data", detail: `accepted: ${choices.kinds.map((kind) => KIND_VALUES[kind]).join(", ")}` } : null,
      query.tahun !== undefined && choices.query.year !== query.tahun ? { parameter: "tahun", detail: `years with figures: ${choices.years.join(", ") || "none"}` } : null,
      query.provinsi !== undefined && choices.query.province !== query.provinsi ? { parameter: "provinsi", detail: "unknown code" } : null,
      query.kohort !== undefined && choices.query.cohort !== query.kohort ? { parameter: "kohort", detail: "unknown cohort" } : null,
    ].filter((problem) => problem !== null);
    if (refused.length > 0) throw new ApiProblem("invalidParameter", refused);
    const rankings = computeRankings(choices.framework, choices.data, choices.query);
    const row = (entry: (typeof rankings.disputed)[number], ranked: { rank: number; percentile: number; change: number | null } | null) => ({
      rank: ranked?.rank ?? null,
      percentile: ranked?.percentile ?? null,
      change: ranked?.change ?? null,
      code: entry.code,
      name: entry.name,
      provinceName: entry.provinceName,
      figure: presentFigure(choices.data, choices.framework, entry.figure),
    });
    const rows = [...rankings.rows.map(({ candidate, rank, percentile, change }) => row(candidate, { rank, percentile, change })), ...rankings.disputed.map((entry) => row(entry, null))];
    return {
      ...pageOfList(rows, query, url),
      framework: { slug: framework.slug, shortName: framework.shortName, version: framework.version },
      kind: choices.query.kind,
      year: choices.query.year,
      years: choices.years,
      kinds: choices.kinds,
      governments: rankings.total,
    };
  },
});

export const practicesEndpoint = defineEndpoint({
  path: "/practices",
  operationId: "listPractices",
  summary: "Published practices",
  description: "Published practices only (never drafts or practices under review), newest first or most adopted, filtered like /praktik. No contact persons.",
  query: z.strictObject({
    provinsi: params.provinsi,
    daerah: params.daerah,
    indikator: params.indikator,
    tahap: z.enum(PRACTICE_STAGES).optional(),
    tag: z.string().max(40).optional(),
    urut: z.enum(["terbaru", "terbanyak-diadopsi"]).optional(),
    hal: params.hal,
    batas: params.batas,
  }),
  params: noPathParams,
  response: paged("PracticeList", Practice),
  async handle({ query, url }) {
    await requireKnown("provinsi", query.provinsi, listProvinces);
    const page = query.hal ?? 1;
    const tag = query.tag?.trim().toLocaleLowerCase("id");
    const list = await listPublishedPractices(
      { province: query.provinsi ?? null, region: query.daerah ?? null, indicator: query.indikator ?? null, stage: query.tahap ?? null, tag: tag || null, sort: query.urut ?? "terbaru", page },
      query.batas ?? DEFAULT_LIMIT,
    );
    const rows = list.page === page ? list.practices : [];
    return envelope(
      rows.map((practice) => ({
        id: practice.id,
        url: `/praktik/${practice.id}`,
        title: practice.title,
        titleEn: practice.titleEn,
        summary: practice.summary,
        summaryEn: practice.summaryEn,
        stage: practice.stage,
        tags: practice.tags,
        region: { code: practice.regionCode, name: practice.regionName, provinceName: practice.provinceName },
        publishedAt: practice.publishedAt?.toISOString() ?? null,
        compiledFromPublicSources: practice.compiledFromPublicSources,
        adoptionCount: practice.adoptionCount,
      })),
      list.total,
      query,
      url,
    );
  },
});

export const adoptionsEndpoint = defineEndpoint({
  path: "/adoptions",
  operationId: "listAdoptions",
  summary: "Adoptions between regions",
  description: "Published practices that record another region's practice as their source, newest first; `daerah=` keeps those a region adopted or gave.",
  query: z.strictObject({ daerah: params.daerah, hal: params.hal, batas: params.batas }),
  params: noPathParams,
  response: paged("AdoptionList", Adoption),
  async handle({ query, url }) {
    const adoptions = await listPublicAdoptions(query.daerah);
    return pageOfList(
      adoptions.map((adoption) => ({
        adopter: { practiceId: adoption.adopterPracticeId, title: adoption.adopterTitle, regionCode: adoption.adopterRegionCode, regionName: adoption.adopterRegionName },
        source: { practiceId: adoption.sourcePracticeId, title: adoption.sourceTitle, regionCode: adoption.sourceRegionCode, regionName: adoption.sourceRegionName },
        note: adoption.note,
        recordedAt: adoption.recordedAt.toISOString(),
      })),
      query,
      url,
    );
  },
});

/** Study visits are a short list per region; the API reads at most this many. */
const MAX_VISITS = 1000;

export const visitsEndpoint = defineEndpoint({
  path: "/visits",
  operationId: "listVisits",
  summary: "Study visits",
  description: "Public study visits (accepted, completed, cancelled), latest first: regions, dates and number of participants only.",
  query: z.strictObject({ daerah: params.daerah, hal: params.hal, batas: params.batas }),
  params: noPathParams,
  response: paged("VisitList", Visit),
  async handle({ query, url }) {
    const visits = await listVisits(null, { regionCode: query.daerah, limit: MAX_VISITS });
    return pageOfList(
      // listVisits gives a visitor only public visits; the schema's statuses say which those are.
      visits.flatMap((visit) => {
        const status = Visit.shape.status.options.find((publicStatus) => publicStatus === visit.status);
        if (!status) return [];
        const { id, startDate, endDate, participants } = visit;
        return [{ id, status, startDate, endDate, participants, host: { code: visit.hostRegionCode, name: visit.hostRegionName }, visitor: { code: visit.visitorRegionCode, name: visit.visitorRegionName } }];
      }),
      query,
      url,
    );
  },
});

export const applicationsEndpoint = defineEndpoint({
  path: "/applications",
  operationId: "listApplications",
  summary: "Shared applications",
  description: "The catalog of applications regions share, by name, filtered like /aplikasi.",
  query: z.strictObject({
    q: params.q,
    fungsi: z.enum(APPLICATION_FUNCTIONS).optional(),
    indikator: params.indikator,
    provinsi: params.provinsi,
    teknologi: z.string().max(40).optional(),
    hal: params.hal,
    batas: params.batas,
  }),
  params: noPathParams,
  response: paged("ApplicationList", Application),
  async handle({ query, url }) {
    await requireKnown("provinsi", query.provinsi, listProvinces);
    const page = query.hal ?? 1;
    const catalog = await listCatalog(
      { function: query.fungsi ?? null, indicator: query.indikator ?? null, province: query.provinsi ?? null, technology: query.teknologi?.trim() || null, text: query.q?.trim() || null, page },
      query.batas ?? DEFAULT_LIMIT,
    );
    const rows = catalog.page === page ? catalog.applications : [];
    return envelope(
      rows.map((application) => ({
        id: application.id,
        url: `/aplikasi/${application.id}`,
        name: application.name,
        function: application.function,
        description: application.description,
        terms: application.terms,
        stack: application.stack,
        region: { code: application.regionCode, name: application.regionName, provinceName: application.provinceName },
      })),
      catalog.total,
      query,
      url,
    );
  },
});

export const ENDPOINTS = [
  regionsEndpoint,
  regionEndpoint,
  frameworksEndpoint,
  frameworkEndpoint,
  assessmentsEndpoint,
  rankingsEndpoint,
  practicesEndpoint,
  adoptionsEndpoint,
  visitsEndpoint,
  applicationsEndpoint,
] as const;
