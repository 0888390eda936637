import type { MetaDescriptor } from "@remix-run/node";

/** The tags a loader returned as `meta` (serverPageMeta), if it did. */
function metaIn(data: unknown): MetaDescriptor[] | undefined {
  return typeof data === "object" && data !== null && "meta" in data && Array.isArray(data.meta) ? (data.meta as MetaDescriptor[]) : undefined;
}

/**
 * A route's `meta` when its loader builds the tags on the server: the page's own, or, on an
 * error page (no loader data), the root loader's site-wide defaults.
 */
export function loaderMeta({ data, matches }: { data: unknown; matches: ReadonlyArray<{ id: string; data: unknown }> }): MetaDescriptor[] {
  return metaIn(data) ?? metaIn(matches.find((match) => match.id === "root")?.data) ?? [];
}
