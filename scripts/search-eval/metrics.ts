/**
 * Ranking metrics of the relevance harness (decision 0034), over graded judgements: a grade
 * 0–3 per judged document (README.md), unjudged documents count as 0.
 */

/** Grades by document key; a key missing from it was judged not relevant. */
export type Judgements = Readonly<Record<string, number>>;

/** A document counts as relevant for precision from this grade on ("marginal" included). */
export const RELEVANT_FROM_GRADE = 1;

/** Share of the first `k` places that hold a relevant document (an empty place counts as a miss). */
export function precisionAt(k: number, ranking: readonly string[], judgements: Judgements): number {
  const relevant = ranking.slice(0, k).filter((key) => (judgements[key] ?? 0) >= RELEVANT_FROM_GRADE).length;
  return relevant / k;
}

/** Discounted cumulative gain of the first `k` grades, with exponential gain 2^grade − 1. */
export function dcgAt(k: number, grades: readonly number[]): number {
  return grades.slice(0, k).reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
}

/** DCG of the ranking divided by the DCG of the best possible ranking of the judged documents. */
export function ndcgAt(k: number, ranking: readonly string[], judgements: Judgements): number {
  const ideal = dcgAt(
    k,
    Object.values(judgements).sort((a, b) => b - a),
  );
  if (ideal === 0) throw new Error("nDCG needs at least one document judged relevant");
  return dcgAt(
    k,
    ranking.map((key) => judgements[key] ?? 0),
  ) / ideal;
}

/** Arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
