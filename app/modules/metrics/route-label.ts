/**
 * Metric labels name the route a request reached ("/praktik/:id"), never its raw path: one label
 * value per route keeps the number of time series bounded however many ids and typos are
 * requested.
 */

/** What the route label needs of a Remix build's route manifest entry. */
export interface RouteEntry {
  id: string;
  parentId?: string;
  path?: string;
}

/** A route's full path as segments, e.g. ["daerah", ":code", "level-resmi"]. */
export type RoutePattern = readonly string[];

/** Paths that reach no route (scanners, typos) share one label. */
export const UNMATCHED_ROUTE = "unmatched";

/** Every route's full path, parents' segments first; layouts without a path add none. */
export function routePatterns(routes: Readonly<Record<string, RouteEntry | undefined>>): RoutePattern[] {
  const fullPath = (route: RouteEntry): string[] => {
    const parent = route.parentId ? routes[route.parentId] : undefined;
    const own = (route.path ?? "").split("/").filter(Boolean);
    return [...(parent ? fullPath(parent) : []), ...own];
  };
  const unique = new Map<string, RoutePattern>();
  for (const route of Object.values(routes)) {
    if (!route) continue;
    const segments = fullPath(route);
    unique.set(segments.join("/"), segments);
  }
  return [...unique.values()];
}

/**
 * How well a pattern fits the path's segments: a static segment counts more than a parameter,
 * a parameter more than a splat (the order React Router ranks routes in); null: no match.
 */
function matchScore(pattern: RoutePattern, segments: readonly string[]): number | null {
  const [head, ...rest] = pattern;
  if (head === undefined) return segments.length === 0 ? 0 : null;
  if (head === "*") return 0;
  const optional = head.endsWith("?");
  const name = optional ? head.slice(0, -1) : head;
  const [segment, ...remaining] = segments;
  const skipped = optional ? matchScore(rest, segments) : null;
  let taken: number | null = null;
  if (segment !== undefined && (name.startsWith(":") || name === segment)) {
    const tail = matchScore(rest, remaining);
    if (tail !== null) taken = tail + (name.startsWith(":") ? 2 : 3);
  }
  if (taken === null) return skipped;
  return skipped === null ? taken : Math.max(taken, skipped);
}

/**
 * The route a path reaches, as its pattern ("/daerah/:code/level-resmi"). Single-fetch data
 * requests ("/praktik/12.data", "/_root.data") are labelled as the page they load.
 */
export function routeLabel(pathname: string, patterns: readonly RoutePattern[]): string {
  const pagePath = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
  const segments = pagePath.split("/").filter(Boolean);
  let best: { pattern: RoutePattern; score: number } | undefined;
  for (const pattern of patterns) {
    const score = matchScore(pattern, segments);
    if (score !== null && (!best || score > best.score)) best = { pattern, score };
  }
  return best ? `/${best.pattern.join("/")}` : UNMATCHED_ROUTE;
}
