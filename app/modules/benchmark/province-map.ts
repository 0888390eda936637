import { type PredikatBand, roundIndex } from "../frameworks";
import { searchString } from "../http/url-query";
import { type FigureKind, requireOneKind } from "./figure-kinds";

/**
 * What the province map colours (`/peta?ukuran=…`): the plain mean of the official index of a
 * province's kabupaten/kota, its published practices, or adoptions by its regions.
 */
export const MAP_METRICS = ["indeks", "praktik", "adopsi"] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export interface MapQuery {
  metric: MapMetric;
  framework: string;
  year: number;
}

export function mapSearch(query: MapQuery): string {
  return searchString({ ukuran: query.metric, kerangka: query.framework, tahun: query.year });
}

/** One class of the map's legend: values from `min` up to, not including, `below` (null: no upper bound). */
export interface MapClass {
  min: number;
  below: number | null;
}

/** Classes of the index: the framework's predikat bands, so a class boundary means something. */
export function indexClasses(bands: readonly PredikatBand[]): MapClass[] {
  const mins = bands.map((band) => band.minValue).sort((a, b) => a - b);
  return mins.map((min, index) => ({ min, below: mins[index + 1] ?? null }));
}

/** Classes of counts: none apart from some, then widening steps (most provinces have few). */
export const COUNT_CLASSES: readonly MapClass[] = [
  { min: 0, below: 1 },
  { min: 1, below: 2 },
  { min: 2, below: 5 },
  { min: 5, below: 10 },
  { min: 10, below: null },
];

/**
 * The class a value falls in, compared at the precision it is shown with (so a mean shown as
 * 2,60 is in the class labelled from 2,60), or null for no data. A value below every class is
 * put in the first.
 */
export function classOf(classes: readonly MapClass[], value: number | null, decimals: number): number | null {
  if (value === null || classes.length === 0) return null;
  const shown = roundIndex(value, decimals);
  const index = classes.findLastIndex((mapClass) => shown >= mapClass.min);
  return Math.max(index, 0);
}

/**
 * A class's label in its values as shown (`decimals`): "2,60–3,49", "1" or "≥ 10". The upper
 * end is the largest shown value below the next class, so labels never overlap.
 */
export function classLabel(mapClass: MapClass, decimals: number, format: (value: number) => string): string {
  if (mapClass.below === null) return `≥ ${format(mapClass.min)}`;
  const last = roundIndex(mapClass.below - 10 ** -decimals, decimals);
  return last <= mapClass.min ? format(mapClass.min) : `${format(mapClass.min)}–${format(last)}`;
}

/**
 * The plain mean of a province's kabupaten/kota figures, and how many have one. `figures` holds
 * one entry per kabupaten/kota: null without a figure, a disputed figure (value null) counts as
 * none. All must be of one kind (requireOneKind throws otherwise): a mean never mixes kinds.
 */
export function meanOfRegions(figures: readonly ({ kind: FigureKind; value: number | null } | null)[]): { mean: number | null; count: number } {
  const present = figures.filter((figure) => figure !== null);
  requireOneKind(present);
  const values = present.map((figure) => figure.value).filter((value) => value !== null);
  return { mean: values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null, count: values.length };
}

/** A province as the map page shows it (built by province-map.server.ts, sent as loader data). */
export interface ProvinceOnMap {
  code: string;
  name: string;
  /** SVG path of its boundary (province-shapes.server.ts). */
  path: string;
  /** Kabupaten/kota in the province, and how many have an undisputed official figure in the year. */
  regions: number;
  withData: number;
  /** Plain mean of those figures, at the framework's decimals; null when none has one. */
  mean: number | null;
  practices: number;
  adoptions: number;
  /** Class of the chosen metric's value (index into `classes`), null for no data. */
  mapClass: number | null;
}
