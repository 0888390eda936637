/**
 * How much JavaScript each public page makes the browser download, read from the Remix build
 * manifest (public/build/manifest-*.js) of an existing build: the client entry, then root and
 * every route module down to the page's route, with the chunks each of them imports, every file
 * counted once; and one of the chunks the entry imports dynamically (the locale catalogs, of
 * which a page loads its language's: the largest is counted). Sizes are gzipped at zlib's default
 * level, as the `compression` middleware sends them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** What a page may send, gzipped: regional offices are often on slow connections. */
export const PAGE_JAVASCRIPT_BUDGET_BYTES = 110 * 1024;

export interface BudgetPage {
  name: string;
  /** The Remix route id of the page's leaf route. */
  routeId: string;
  /** Pages that are only reported, not held to the budget. */
  informational?: boolean;
}

export const BUDGET_PAGES: BudgetPage[] = [
  { name: "home", routeId: "routes/_index" },
  { name: "directory /daerah", routeId: "routes/daerah._index" },
  { name: "region /daerah/:code", routeId: "routes/daerah.$code" },
  { name: "rankings /peringkat", routeId: "routes/peringkat._index" },
  { name: "benchmark", routeId: "routes/daerah.$code_.benchmark" },
  { name: "compare /bandingkan", routeId: "routes/bandingkan" },
  { name: "practice /praktik/:id", routeId: "routes/praktik.$id" },
  { name: "search /cari", routeId: "routes/cari" },
  { name: "practices /praktik", routeId: "routes/praktik._index", informational: true },
  { name: "editor /praktik/baru", routeId: "routes/praktik.baru", informational: true },
];

interface ManifestModule {
  module: string;
  imports?: string[];
}

interface RemixManifest {
  entry: ManifestModule;
  routes: Record<string, ManifestModule & { parentId?: string }>;
}

export interface PageJavaScript {
  page: BudgetPage;
  files: number;
  gzipBytes: number;
  overBudget: boolean;
}

/** Reads the manifest the last `remix build` wrote into `publicBuildDir` (public/build). */
export function readBuildManifest(publicBuildDir: string): RemixManifest {
  const manifests = readdirSync(publicBuildDir).filter((name) => /^manifest-[A-Z0-9]+\.js$/.test(name));
  if (manifests.length !== 1) {
    throw new Error(`expected one manifest-*.js in ${publicBuildDir}, found ${manifests.length}: run \`npm run build\` first`);
  }
  const source = readFileSync(join(publicBuildDir, manifests[0]!), "utf8");
  const prefix = "window.__remixManifest=";
  if (!source.startsWith(prefix)) throw new Error(`${manifests[0]} does not start with ${prefix}`);
  return JSON.parse(source.slice(prefix.length).replace(/;\s*$/, "")) as RemixManifest;
}

/** The public URLs (/build/…) of every script the page loads, each once. */
export function pageScripts(manifest: RemixManifest, routeId: string): string[] {
  const chain: ManifestModule[] = [];
  for (let id: string | undefined = routeId; id !== undefined; ) {
    const route: (ManifestModule & { parentId?: string }) | undefined = manifest.routes[id];
    if (!route) throw new Error(`route ${id} is not in the build manifest`);
    chain.unshift(route);
    id = route.parentId;
  }
  const scripts = new Set<string>();
  for (const module of [manifest.entry, ...chain]) {
    scripts.add(module.module);
    for (const imported of module.imports ?? []) scripts.add(imported);
  }
  return [...scripts];
}

/** Each listed page's gzipped JavaScript, from the build in `publicDir` (the site's public/). */
export function measurePageJavaScript(publicDir: string, pages: BudgetPage[] = BUDGET_PAGES): PageJavaScript[] {
  const manifest = readBuildManifest(join(publicDir, "build"));
  const gzipSizes = new Map<string, number>();
  const gzipSize = (url: string) => {
    let size = gzipSizes.get(url);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(publicDir, url))).byteLength;
      gzipSizes.set(url, size);
    }
    return size;
  };
  const entrySource = readFileSync(join(publicDir, manifest.entry.module), "utf8");
  const dynamicImports = [...entrySource.matchAll(/import\("(\/build\/[^"]+\.js)"\)/g)].map((match) => match[1]!);
  const catalogBytes = Math.max(0, ...dynamicImports.map(gzipSize));
  return pages.map((page) => {
    const scripts = pageScripts(manifest, page.routeId);
    const gzipBytes = catalogBytes + scripts.reduce((sum, url) => sum + gzipSize(url), 0);
    return { page, files: scripts.length + (dynamicImports.length > 0 ? 1 : 0), gzipBytes, overBudget: !page.informational && gzipBytes > PAGE_JAVASCRIPT_BUDGET_BYTES };
  });
}

/** The table `npm run bench:js` prints. */
export function formatPageJavaScript(results: PageJavaScript[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [`${"page".padEnd(26)}${"files".padStart(6)}${"gzipped".padStart(11)}  budget ≤ ${kb(PAGE_JAVASCRIPT_BUDGET_BYTES)}`];
  for (const { page, files, gzipBytes, overBudget } of results) {
    const verdict = page.informational ? "(reported only)" : overBudget ? "FAIL" : "ok";
    lines.push(`${page.name.padEnd(26)}${String(files).padStart(6)}${kb(gzipBytes).padStart(11)}  ${verdict}`);
  }
  return lines.join("\n");
}
