/**
 * The datasets as a DCAT-AP catalog in JSON-LD (/data/katalog.jsonld), for Satu Data Indonesia
 * portals running CKAN with ckanext-dcat to harvest. The context is inline (no remote context to
 * fetch). Titles, descriptions and keywords carry both languages; media types are IANA URIs and
 * the theme is from the EU data-theme vocabulary, as DCAT-AP expects. Each framework dataset
 * also lists its indicators with their Satu Data Indonesia metadata fields (sdi:*).
 */
import { type Locale, locales } from "../i18n/locales";
import { translatorFor } from "../i18n/translator.server";
import { type Bilingual, catalogModified, type Dataset, listDatasets, MEDIA_TYPES } from "./datasets.server";
import { frameworkIndicatorMetadata } from "./indicator-metadata.server";
import { CATALOG_PATH, DATA_LICENCE } from "./licence";

export const CATALOG_CONTENT_TYPE = "application/ld+json";

/** EU data theme "Government and public sector". */
const THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE";

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

const languageMap = (text: Bilingual) => locales.map((locale) => ({ "@value": text[locale], "@language": locale }));
const dateTime = (date: Date) => ({ "@value": date.toISOString(), "@type": "xsd:dateTime" });

export async function buildCatalog(origin: string): Promise<Record<string, unknown>> {
  const datasets = await listDatasets();
  const url = (path: string) => new URL(path, origin).toString();
  const publisher = { "@id": url("/#penerbit"), "@type": "foaf:Agent", "foaf:name": "IDSL — Indonesia Digital Services Living Lab (Kemendagri)" };
  const licence = { "@id": DATA_LICENCE.url };
  const both = (key: "openData.title" | "openData.lead"): Bilingual => ({ id: translatorFor("id").t(key), en: translatorFor("en").t(key) });
  const metadataByFramework = new Map(
    await Promise.all(
      datasets.flatMap((dataset) => (dataset.framework ? [dataset.framework] : [])).map(async (slug) => [slug, await bilingualMetadata(slug)] as const),
    ),
  );
  const modified = catalogModified(datasets);
  return {
    // sdi: the Satu Data Indonesia indicator metadata fields, named on this site.
    "@context": { ...CONTEXT, sdi: url("/data/metadata#") },
    "@id": url(CATALOG_PATH),
    "@type": "dcat:Catalog",
    "dct:title": languageMap(both("openData.title")),
    "dct:description": languageMap(both("openData.lead")),
    "dct:publisher": publisher,
    "dct:license": licence,
    "dct:language": locales.map((locale) => ({ "@id": `http://id.loc.gov/vocabulary/iso639-1/${locale}` })),
    "foaf:homepage": { "@id": url("/data") },
    ...(modified ? { "dct:modified": dateTime(modified) } : {}),
    "dcat:dataset": datasets.map((dataset) => datasetNode(dataset, url, publisher["@id"], metadataByFramework.get(dataset.framework ?? ""))),
  };
}

function datasetNode(dataset: Dataset, url: (path: string) => string, publisherId: string, indicators: IndicatorNode[] | undefined) {
  return {
    "@id": url(`/data#${dataset.id}`),
    "@type": "dcat:Dataset",
    "dct:identifier": dataset.id,
    "dct:title": languageMap(dataset.title),
    "dct:description": languageMap(dataset.description),
    "dct:publisher": { "@id": publisherId },
    "dct:license": { "@id": DATA_LICENCE.url },
    ...(dataset.modified ? { "dct:modified": dateTime(dataset.modified) } : {}),
    "dcat:keyword": dataset.keywords.flatMap(languageMap),
    "dcat:theme": { "@id": THEME },
    "dcat:landingPage": { "@id": url(dataset.landingPage) },
    "dct:source": dataset.sources.flatMap(languageMap),
    "dcat:distribution": dataset.distributions.map((distribution, index) => ({
      "@id": url(`/data#${dataset.id}-${index + 1}`),
      "@type": "dcat:Distribution",
      "dct:title": languageMap(distribution.label),
      "dct:format": distribution.format,
      "dcat:mediaType": { "@id": `http://www.iana.org/assignments/media-types/${MEDIA_TYPES[distribution.format]}` },
      "dcat:accessURL": { "@id": url(distribution.path) },
      ...(distribution.download ? { "dcat:downloadURL": { "@id": url(distribution.path) } } : {}),
      "dct:license": { "@id": DATA_LICENCE.url },
    })),
    ...(indicators ? { "dct:hasPart": indicators.map((indicator) => ({ ...indicator, "@id": url(indicator["@id"]) })) } : {}),
  };
}

type IndicatorNode = Record<string, unknown> & { "@id": string };

/** Each indicator of a framework with its metadata fields in both languages. */
async function bilingualMetadata(slug: string): Promise<IndicatorNode[]> {
  const perLocale = await Promise.all(locales.map(async (locale) => [locale, await frameworkIndicatorMetadata(slug, locale)] as const));
  const [, first] = perLocale[0]!;
  return first.map((indicator, index) => {
    const node: IndicatorNode = { "@id": `/indikator/${indicator.number}?kerangka=${slug}`, "@type": "sdi:Indicator", "dct:identifier": `${slug}/${indicator.number}` };
    for (const { field } of indicator.fields) {
      node[`sdi:${field}`] = perLocale.map(([locale, list]: readonly [Locale, typeof first]) => ({ "@value": list[index]!.fields.find((entry) => entry.field === field)!.value, "@language": locale }));
    }
    return node;
  });
}
