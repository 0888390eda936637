/**
 * Every figure on the site has a kind, and figures of different kinds are never ranked,
 * averaged, subtracted or drawn as one line together:
 * - official: an index value a decree or a published result gives (with its source)
 * - verified: the index computed from a region's own levels, read from its evaluation report
 *   and checked by a curator
 * - self: a region's self-assessment
 * - sample: synthetic demo data
 */
export const FIGURE_KINDS = ["official", "verified", "self", "sample"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** The kinds with indicator levels behind them, most authoritative first. */
export const LEVEL_KINDS = ["verified", "self", "sample"] as const satisfies readonly FigureKind[];
export type LevelKind = (typeof LEVEL_KINDS)[number];

/** URL values (`?data=…`), in Indonesian like every query parameter. */
const KIND_PARAMS: Record<FigureKind, string> = { official: "resmi", verified: "terverifikasi", self: "mandiri", sample: "contoh" };

export function kindParam(kind: FigureKind): string {
  return KIND_PARAMS[kind];
}

export function parseKindParam(value: string | null): FigureKind | null {
  return FIGURE_KINDS.find((kind) => KIND_PARAMS[kind] === value) ?? null;
}

export class MixedKindsError extends Error {
  constructor(kinds: Iterable<FigureKind>) {
    super(`figures of different kinds compared together: ${[...new Set(kinds)].join(", ")}`);
    this.name = "MixedKindsError";
  }
}

/**
 * The one kind shared by all these figures (null for none). Every statistic across figures
 * (rank, percentile, average, best, change) calls this first, so mixing kinds is a bug that
 * fails loudly instead of a number that quietly misleads.
 */
export function requireOneKind(figures: Iterable<{ kind: FigureKind }>): FigureKind | null {
  const kinds = new Set<FigureKind>();
  for (const figure of figures) kinds.add(figure.kind);
  if (kinds.size > 1) throw new MixedKindsError(kinds);
  return kinds.values().next().value ?? null;
}
