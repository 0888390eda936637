/**
 * Synthetic indicator levels for demo data (assessments of kind "sample"). Pure and seeded, so
 * `npm run seed:demo` writes the same rows on every run. Nothing here is an evaluation result:
 * the levels only have to look plausible and reproduce a given index.
 */
import { roundIndex } from "../frameworks";

/** FNV-1a: turns a seed string into 32 bits for the generator below. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * mulberry32: a tiny, well-distributed 32-bit generator, enough for demo data. Returns
 * numbers in [0, 1), the same sequence for the same seed.
 */
export function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WeightedIndicator {
  id: number;
  weight: number;
}

const MIN_LEVEL = 1;
const MAX_LEVEL = 5;
/** The contract: the weighted mean lands within this distance of the target. */
const TOLERANCE = 0.005;
/** Adjusting stops once the mean is this close, well inside TOLERANCE. */
const GOOD_ENOUGH = 0.001;
/** Spread of the first draw around the target, in levels (triangular noise in ±SPREAD). */
const SPREAD = 1.6;
/** Moves of up to this many indicators at once; triples are only needed next to 1.00 and 5.00. */
const MAX_MOVE_SIZE = 3;
/** Fresh draws tried before giving up (one is enough for every 2-decimal SPBE 2020 target). */
const MAX_ATTEMPTS = 5;

/** One indicator moved up or down by one level. */
interface Step {
  index: number;
  step: 1 | -1;
  /** The change of Σ level × weight. */
  delta: number;
  /** How far the moved level ends up from the target: lower is more plausible. */
  distance: number;
  /** Random tie-breaker, so equal moves do not always hit the first indicators. */
  tie: number;
}

/**
 * How far the weighted sum still is from the target sum. Published indices are rounded half
 * up, so a mean exactly 0.005 below a 2-decimal target still rounds to it and one exactly
 * 0.005 above does not: being above counts a hair more.
 */
function miss(deficit: number): number {
  return deficit >= 0 ? deficit : -deficit + 1e-6;
}

/**
 * Integer levels 1–5 whose weighted mean Σ l·w / Σ w is within ±0.005 of `target` and, for a
 * target with 2 decimals, rounds (half up) to it. Levels are first drawn around the target;
 * then, while it brings the sum closer, one indicator at a time moves one level (pairs or
 * triples of them when no single move helps), preferring levels near the target. Throws when
 * the target cannot be reached: with SPBE 2020 weights every 2-decimal target can, but not,
 * say, 1.0065 (the nearest means are 1.000 and 1.013).
 */
export function levelsForTarget(
  indicators: readonly WeightedIndicator[],
  target: number,
  random: () => number,
): Map<number, number> {
  if (indicators.length === 0) throw new Error("levelsForTarget needs at least one indicator");
  if (!(target >= MIN_LEVEL && target <= MAX_LEVEL)) throw new Error(`target ${target} is outside ${MIN_LEVEL}–${MAX_LEVEL}`);
  const weights = indicators.map((indicator) => indicator.weight);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(totalWeight > 0) || weights.some((weight) => !(weight > 0))) throw new Error("indicator weights must be positive");
  const meanOf = (levels: number[]) => levels.reduce((sum, level, i) => sum + level * weights[i]!, 0) / totalWeight;

  let closest = Number.NaN;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const levels = indicators.map(() => {
      const noise = (random() + random() - 1) * SPREAD;
      return Math.min(MAX_LEVEL, Math.max(MIN_LEVEL, Math.round(target + noise)));
    });
    adjustToTarget(levels, weights, target * totalWeight, target, random, GOOD_ENOUGH * totalWeight);
    const mean = meanOf(levels);
    // Half-open window, for the same half-up rounding reason as in miss().
    if (mean >= target - TOLERANCE - 1e-9 && mean < target + TOLERANCE - 1e-9) {
      return new Map(indicators.map((indicator, i) => [indicator.id, levels[i]!]));
    }
    closest = mean;
  }
  throw new Error(`could not reach index ${target} with integer levels (closest: ${closest.toFixed(4)})`);
}

/** Moves levels (in place) until Σ level × weight is within `goodEnough` of `targetSum` or stuck. */
function adjustToTarget(
  levels: number[],
  weights: readonly number[],
  targetSum: number,
  target: number,
  random: () => number,
  goodEnough: number,
): void {
  // "deficit" is how much Σ level × weight still has to grow (negative: shrink).
  let deficit = targetSum - levels.reduce((sum, level, i) => sum + level * weights[i]!, 0);
  // Every applied move strictly lowers miss(deficit), so the loop ends; the cap is a safety net.
  for (let round = 0; round < 10_000 && miss(deficit) > goodEnough; round++) {
    const steps: Step[] = [];
    levels.forEach((level, index) => {
      for (const step of [1, -1] as const) {
        if (level + step < MIN_LEVEL || level + step > MAX_LEVEL) continue;
        steps.push({ index, step, delta: step * weights[index]!, distance: Math.abs(level + step - target), tie: random() });
      }
    });
    let move: Step[] | undefined;
    for (let size = 1; size <= MAX_MOVE_SIZE && !move; size++) move = bestMove(steps, size, deficit);
    if (!move) return;
    for (const { index, step, delta } of move) {
      levels[index] = levels[index]! + step;
      deficit -= delta;
    }
  }
}

/**
 * The best combination of `size` steps on different indicators that brings the sum closer:
 * levels near the target first (plausibility), then the biggest gain, then the random tie.
 * Small moves are preferred by the caller because they spread changes over many indicators.
 */
function bestMove(steps: readonly Step[], size: number, deficit: number): Step[] | undefined {
  let best: { steps: Step[]; distance: number; miss: number; tie: number } | undefined;
  const current = miss(deficit);
  const visit = (start: number, chosen: Step[], delta: number, distance: number, tie: number) => {
    if (chosen.length === size) {
      const after = miss(deficit - delta);
      if (after >= current - 1e-9) return;
      const better =
        !best ||
        distance < best.distance - 1e-9 ||
        (distance <= best.distance + 1e-9 && (after < best.miss - 1e-9 || (after <= best.miss + 1e-9 && tie < best.tie)));
      if (better) best = { steps: [...chosen], distance, miss: after, tie };
      return;
    }
    for (let i = start; i < steps.length; i++) {
      const step = steps[i]!;
      // Steps are in indicator order, so this keeps one step per indicator (no ±2 jumps).
      if (chosen.length > 0 && step.index <= chosen[chosen.length - 1]!.index) continue;
      chosen.push(step);
      visit(i + 1, chosen, delta + step.delta, distance + step.distance, tie + step.tie);
      chosen.pop();
    }
  };
  visit(0, [], 0, 0, 0);
  return best?.steps;
}

/** Invented indices stay inside this range: demo regions are neither hopeless nor perfect. */
const INVENTED_MIN = 1.2;
const INVENTED_MAX = 4.6;
/** The year a region without published results starts its invented SPBE 2020 trajectory from. */
const TRAJECTORY_START_YEAR = 2021;

/**
 * A plausible index for a region and year without a published value, rounded to 2 decimals
 * like published ones. `published` holds the region's published indices by year (any years);
 * a published year returns its own value.
 * - Between two published years: linear interpolation (published values stay the anchors).
 * - Before or after all published years: the nearest published value moved by the region's
 *   yearly trend (0.1–0.3, SPBE indices mostly rose 2018–2024), capped to [1.2, 4.6] (widened
 *   to include that published value, so a region above 4.6 is not pushed down).
 * - No published value: a region base of 2.3–3.3 in `startYear` plus the same trend, capped.
 * A small jitter (±0.05) per region-year keeps trajectories from being straight lines.
 * `seed` is the region's code, or for another framework than SPBE 2020 the framework's slug and
 * the code (`pemdi-2026:33.16`), so each framework's invented values are drawn on their own.
 */
export function plausibleIndex(seed: string, year: number, published: ReadonlyMap<number, number>, startYear = TRAJECTORY_START_YEAR): number {
  const regionRandom = seededRandom(`${seed}:trajectory`);
  const base = 2.3 + regionRandom();
  const trend = 0.1 + 0.2 * regionRandom();
  const jitter = (seededRandom(`${seed}:${year}:jitter`)() - 0.5) * 0.1;
  const cap = (value: number, anchor?: number) => {
    const low = Math.min(INVENTED_MIN, anchor ?? INVENTED_MIN);
    const high = Math.max(INVENTED_MAX, anchor ?? INVENTED_MAX);
    return Math.min(high, Math.max(low, value));
  };

  const years = [...published.keys()].sort((a, b) => a - b);
  const before = years.filter((y) => y < year).at(-1);
  const after = years.find((y) => y > year);
  let value: number;
  if (published.has(year)) {
    value = published.get(year)!;
  } else if (before !== undefined && after !== undefined) {
    const from = published.get(before)!;
    const to = published.get(after)!;
    // Clamped between the two published neighbours so the jitter cannot overshoot them.
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    value = Math.min(high, Math.max(low, from + ((to - from) * (year - before)) / (after - before) + jitter));
  } else if (before !== undefined) {
    const anchor = published.get(before)!;
    value = cap(anchor + trend * (year - before) + jitter, anchor);
  } else if (after !== undefined) {
    const anchor = published.get(after)!;
    value = cap(anchor - trend * (after - year) + jitter, anchor);
  } else {
    value = cap(base + trend * (year - startYear) + jitter);
  }
  return roundIndex(value, 2);
}
