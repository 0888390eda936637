/**
 * The DCAT-AP catalog, read as a harvester reads it: expanded by the `jsonld` processor (the
 * context is inline; a remote context would be refused by the loader below, so nothing is
 * fetched), then checked for the properties DCAT-AP makes mandatory for a catalog, a dataset and
 * a distribution, plus those the Satu Data harvest uses (licence, modified, media type, keyword,
 * theme, titles and descriptions in Indonesian and English).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import jsonld from "jsonld";
import { beforeAll, describe, expect, it } from "vitest";
import { frameworkLevels, frameworkNodes, frameworks } from "../../../db/schema";
import { db } from "../db.server";
import { invalidateFrameworkCaches } from "../frameworks/index.server";
import { buildCatalog } from "./catalog.server";
import { frameworkIndicatorMetadata, INDICATOR_METADATA_FIELDS } from "./indicator-metadata.server";

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const ORIGIN = "https://idsl.example.go.id";

type Node = Record<string, unknown[] | string | undefined> & { "@id"?: string; "@type"?: string[] };
type Value = { "@value"?: string; "@language"?: string; "@id"?: string; "@type"?: string };

let catalog: Record<string, unknown>;
let expanded: Node[];

const values = (node: Node, property: string) => (node[property] ?? []) as Value[];
const languages = (node: Node, property: string) => values(node, property).map((value) => value["@language"]).sort();

beforeAll(async () => {
  catalog = await buildCatalog(ORIGIN);
  const offline = (url: string) => Promise.reject(new Error(`no network: ${url}`));
  expanded = (await jsonld.expand(catalog as jsonld.JsonLdDocument, { documentLoader: offline })) as unknown as Node[];
});

describe("the DCAT-AP catalog", () => {
  it("is one dcat:Catalog with a title and description in both languages, a publisher, a licence and its datasets", () => {
    expect(expanded).toHaveLength(1);
    const [root] = expanded as [Node];
    expect(root["@type"]).toEqual([`${DCAT}Catalog`]);
    expect(root["@id"]).toBe(`${ORIGIN}/data/katalog.jsonld`);
    expect(languages(root, `${DCT}title`)).toEqual(["en", "id"]);
    expect(languages(root, `${DCT}description`)).toEqual(["en", "id"]);
    expect(values(root, `${DCT}publisher`)).toHaveLength(1);
    expect(values(root, `${DCT}license`)[0]!["@id"]).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(values(root, `${DCT}modified`)[0]!["@type"]).toBe("http://www.w3.org/2001/XMLSchema#dateTime");
    expect(values(root, `${DCAT}dataset`).length).toBeGreaterThanOrEqual(6);
  });

  it("gives every dataset and distribution the properties DCAT-AP requires and the harvest uses", () => {
    const [root] = expanded as [Node];
    const datasets = values(root, `${DCAT}dataset`) as unknown as Node[];
    for (const dataset of datasets) {
      const name = String(dataset["@id"]);
      expect(dataset["@type"], name).toEqual([`${DCAT}Dataset`]);
      for (const property of [`${DCT}title`, `${DCT}description`]) expect(languages(dataset, property), `${name} ${property}`).toEqual(["en", "id"]);
      expect(values(dataset, `${DCT}publisher`)[0]!["@id"], name).toBe(`${ORIGIN}/#penerbit`);
      expect(values(dataset, `${DCT}license`), name).toHaveLength(1);
      expect(values(dataset, `${DCT}identifier`), name).toHaveLength(1);
      expect(values(dataset, `${DCAT}keyword`).length, name).toBeGreaterThan(0);
      expect(values(dataset, `${DCAT}theme`)[0]!["@id"], name).toBe("http://publications.europa.eu/resource/authority/data-theme/GOVE");
      const distributions = values(dataset, `${DCAT}distribution`) as unknown as Node[];
      expect(distributions.length, name).toBeGreaterThan(0);
      for (const distribution of distributions) {
        expect(distribution["@type"]).toEqual([`${DCAT}Distribution`]);
        expect(values(distribution, `${DCAT}accessURL`)[0]!["@id"]).toMatch(new RegExp(`^${ORIGIN}/`));
        expect(values(distribution, `${DCAT}mediaType`)[0]!["@id"]).toMatch(/^http:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/[a-z0-9.+-]+$/);
      }
    }
    const ids = datasets.map((dataset) => values(dataset, `${DCT}identifier`)[0]!["@value"]);
    expect(ids).toEqual(expect.arrayContaining(["peringkat-spbe-2020", "peringkat-pemdi-2026", "kerangka-spbe-2020", "kerangka-pemdi-2026", "praktik", "adopsi"]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("offers each year of official SPBE 2020 results as CSV and XLSX downloads, with a modified date from the data", () => {
    const [root] = expanded as [Node];
    const rankings = (values(root, `${DCAT}dataset`) as unknown as Node[]).find((dataset) => values(dataset, `${DCT}identifier`)[0]!["@value"] === "peringkat-spbe-2020")!;
    const downloads = (values(rankings, `${DCAT}distribution`) as unknown as Node[]).flatMap((distribution) => values(distribution, `${DCAT}downloadURL`).map((url) => url["@id"]));
    expect(downloads).toContain(`${ORIGIN}/peringkat.xlsx?kerangka=spbe-2020&tahun=2024`);
    expect(downloads).toContain(`${ORIGIN}/peringkat.csv?kerangka=spbe-2020&tahun=2024&gaya=id`);
    const modified = values(rankings, `${DCT}modified`)[0]!["@value"]!;
    expect(new Date(modified).getTime()).toBeLessThan(Date.now());
  });

  it("carries each framework indicator's Satu Data Indonesia metadata", () => {
    const [root] = expanded as [Node];
    const spbe = (values(root, `${DCAT}dataset`) as unknown as Node[]).find((dataset) => values(dataset, `${DCT}identifier`)[0]!["@value"] === "kerangka-spbe-2020")!;
    const indicators = values(spbe, `${DCT}hasPart`) as unknown as Node[];
    expect(indicators).toHaveLength(47);
    for (const field of INDICATOR_METADATA_FIELDS) expect(languages(indicators[0]!, `${ORIGIN}/data/metadata#${field}`), field).toEqual(["en", "id"]);
  });
});

describe("indicator metadata", () => {
  it("fills every Satu Data field of every indicator from the framework", async () => {
    const spbe = await frameworkIndicatorMetadata("spbe-2020", "id");
    expect(spbe).toHaveLength(47);
    const first = new Map(spbe.find((indicator) => indicator.number === 1)!.fields.map((entry) => [entry.field, entry]));
    expect([...first.keys()]).toEqual([...INDICATOR_METADATA_FIELDS]);
    for (const { label, value } of first.values()) {
      expect(label).not.toMatch(/^indicatorMetadata\./);
      expect(value.trim()).not.toBe("");
      expect(value).not.toMatch(/\{\{/);
    }
    expect(first.get("concept")!.value).toMatch(/Indeks SPBE|SPBE/);
    expect(first.get("unit")!.value).toBe("Tingkat (skala 1–5)");
    expect(first.get("method")!.value).toMatch(/Bobot indikator ini \d/);
    expect(first.get("source")!.value).toMatch(/59/);
    expect(await frameworkIndicatorMetadata("pemdi-2026", "en")).toHaveLength(20);
  });

  it("is built anew once the framework caches are cleared, as a reviewed framework change clears them", async () => {
    const slug = `metadata-${randomUUID().slice(0, 8)}`;
    const [framework] = await db()
      .insert(frameworks)
      .values({ slug, name: `Kerangka ${slug}`, shortName: slug, scaleMin: 1, scaleMax: 5, decimals: 2, formula: "Rata-rata berbobot", sourceStatus: "secondary_sources" })
      .returning({ id: frameworks.id });
    const frameworkId = framework!.id;
    const [aspect] = await db().insert(frameworkNodes).values({ frameworkId, parentId: null, kind: "aspect", number: 1, name: "Aspek", weight: 100 }).returning({ id: frameworkNodes.id });
    const [indicator] = await db()
      .insert(frameworkNodes)
      .values({ frameworkId, parentId: aspect!.id, kind: "indicator", number: 1, name: "Indikator", weight: 30 })
      .returning({ id: frameworkNodes.id });
    await db().insert(frameworkLevels).values([1, 2, 3, 4, 5].map((level) => ({ frameworkId, level, name: `T${level}` })));
    const method = async () => (await frameworkIndicatorMetadata(slug, "id"))[0]!.fields.find((entry) => entry.field === "method")!.value;
    expect(await method()).toMatch(/Bobot indikator ini 30\b/);

    await db().update(frameworkNodes).set({ weight: 40 }).where(eq(frameworkNodes.id, indicator!.id));
    await invalidateFrameworkCaches();
    expect(await method()).toMatch(/Bobot indikator ini 40\b/);
  });
});
