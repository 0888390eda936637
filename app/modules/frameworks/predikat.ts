export interface PredikatBand {
  name: string;
  /** Inclusive lower bound. */
  minValue: number;
}

/**
 * Rounds half up to the framework's reported precision, as published results are rounded.
 * toPrecision(12) drops binary noise first, so 1.005 × 100 rounds from 100.5, not 100.4999….
 */
export function roundIndex(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}

/** What decides a framework's predikat: its bands and the decimals its results are published with. */
export interface PredikatScale {
  bands: readonly PredikatBand[];
  decimals: number;
}

/**
 * The predikat band an index value falls in, after rounding to the framework's reported decimals
 * (a computed 4.1996 is published as 4.20 and is therefore "Memuaskan" in SPBE 2020); null for
 * no value or a value below every band.
 */
export function predikatOf(scale: PredikatScale, value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const { bands, decimals } = scale;
  const rounded = roundIndex(value, decimals);
  let best: PredikatBand | null = null;
  for (const band of bands) {
    if (rounded >= band.minValue && (!best || band.minValue > best.minValue)) best = band;
  }
  return best?.name ?? null;
}
