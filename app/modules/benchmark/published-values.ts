/** Where a figure comes from: a citation (a host, a decree, a report) and, where there is one, a link. */
export interface SourceRef {
  citation: string;
  url: string | null;
  /** The sentence the value was read from, for a curator to check. */
  quote: string | null;
  decree: string | null;
}

/** One source's value for a government-year (or a group-year). */
export interface PublishedValue {
  value: number;
  /** Decimals as printed: 3,7 stays 3,7. */
  decimals: number;
  reportedPredikat: string | null;
  source: SourceRef;
}

/**
 * What several sources say about one figure: the value they agree on (shown with the most
 * decimals any of them prints), or no value at all when they disagree — a disputed figure
 * shows every source's value and is never silently settled on one of them.
 */
export function combinePublishedValues(values: readonly PublishedValue[]): { value: number | null; decimals: number; disputed: boolean; published: PublishedValue[] } {
  const distinct = new Set(values.map((entry) => Math.round(entry.value * 100)));
  const decimals = Math.max(0, ...values.map((entry) => entry.decimals));
  if (distinct.size !== 1) return { value: null, decimals, disputed: values.length > 1, published: [...values] };
  return { value: values[0]!.value, decimals, disputed: false, published: [...values] };
}
