/**
 * An indicator's statistical metadata in the fields of Satu Data Indonesia's indicator metadata
 * (Metadata Statistik, Peraturan BPS 5/2020: nama, konsep, definisi, interpretasi, metode/rumus
 * perhitungan, ukuran, satuan, klasifikasi penyajian, indikator komposit, indikator pembangun,
 * level estimasi, periode, sumber data), filled from the framework as stored: its groups,
 * weights, levels, formula and sources. Nothing is written by hand per indicator, so a
 * curator's reviewed change to the framework changes the metadata with it.
 */
import { type FrameworkTree, getCuratedFramework, getFrameworkTree, getLevelCriteria } from "../frameworks/index.server";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator.server";

export const INDICATOR_METADATA_FIELDS = [
  "name",
  "concept",
  "definition",
  "interpretation",
  "method",
  "measure",
  "unit",
  "classification",
  "composite",
  "builtFrom",
  "estimationLevel",
  "period",
  "source",
] as const;
export type IndicatorMetadataField = (typeof INDICATOR_METADATA_FIELDS)[number];

export interface IndicatorMetadata {
  number: number;
  fields: { field: IndicatorMetadataField; label: string; value: string }[];
}

/**
 * Built once per framework tree and language: every indicator page shows it, and a framework
 * change (the only way its inputs change) replaces the cached tree, so the next read builds anew.
 */
const metadataByTree = new WeakMap<FrameworkTree, Map<Locale, Promise<IndicatorMetadata[]>>>();

/** The metadata of every indicator of a framework (by number), in one language. */
export async function frameworkIndicatorMetadata(slug: string, locale: Locale): Promise<IndicatorMetadata[]> {
  const tree = await getFrameworkTree(slug);
  const byLocale = metadataByTree.get(tree) ?? new Map<Locale, Promise<IndicatorMetadata[]>>();
  metadataByTree.set(tree, byLocale);
  let metadata = byLocale.get(locale);
  if (!metadata) {
    metadata = buildIndicatorMetadata(slug, tree, locale);
    byLocale.set(locale, metadata);
    metadata.catch(() => byLocale.delete(locale));
  }
  return metadata;
}

async function buildIndicatorMetadata(slug: string, tree: FrameworkTree, locale: Locale): Promise<IndicatorMetadata[]> {
  const [framework, criteria] = await Promise.all([getCuratedFramework(slug), getLevelCriteria(slug)]);
  if (!framework) return [];
  const { t, formatNumber } = translatorFor(locale);
  const weights = new Map(framework.nodes.map((node) => [node.id, node.weight]));
  const levels = framework.definition.levels;
  // An indicator is measured in the framework's levels (the index has its own, wider scale).
  const scale = { min: levels[0]?.level ?? 1, max: levels.at(-1)?.level ?? 5 };
  return [...tree.indicatorsById.values()].map((indicator) => {
    const path = (tree.ancestors.get(indicator.id) ?? []).map((group) => group.name).join(" › ");
    const levelNames = (criteria.get(indicator.id) ?? []).map((level) => `${level.level} ${level.name}`).join(", ") || levels.map((level) => `${level.level} ${level.name}`).join(", ");
    const values: Record<IndicatorMetadataField, string> = {
      name: t("indicatorMetadata.nameValue", { number: indicator.number, name: indicator.name }),
      concept: t("indicatorMetadata.conceptValue", { path, framework: framework.name }),
      definition: t("indicatorMetadata.definitionValue", { name: indicator.name, levels: levelNames }),
      interpretation: t("indicatorMetadata.interpretationValue", { max: scale.max }),
      method: t("indicatorMetadata.methodValue", { weight: formatNumber(weights.get(indicator.id) ?? 0), formula: framework.formula }),
      measure: t("indicatorMetadata.measureValue"),
      unit: t("indicatorMetadata.unitValue", scale),
      classification: t("indicatorMetadata.classificationValue"),
      composite: t("indicatorMetadata.compositeValue"),
      builtFrom: t("indicatorMetadata.builtFromValue", { framework: framework.shortName }),
      estimationLevel: t("indicatorMetadata.estimationLevelValue"),
      period: t("indicatorMetadata.periodValue"),
      source: framework.sources.join("; "),
    };
    return {
      number: indicator.number,
      fields: INDICATOR_METADATA_FIELDS.map((field) => ({ field, label: t(`indicatorMetadata.${field}`), value: values[field] })),
    };
  });
}

/** One indicator's metadata, or null for a number the framework does not have. */
export async function indicatorMetadata(slug: string, number: number, locale: Locale): Promise<IndicatorMetadata | null> {
  return (await frameworkIndicatorMetadata(slug, locale)).find((indicator) => indicator.number === number) ?? null;
}
