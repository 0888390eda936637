/**
 * The search part of `npm run bench`: the same searches sent raw to Meilisearch (to compare
 * with the search page), publish → searchable through the running server's outbox worker, and
 * a full reindex. Uses the app's modules, so DATABASE_URL and MEILI_URL/MEILI_MASTER_KEY must
 * be set before calling these.
 */
import type { Meilisearch } from "meilisearch";
import { practiceContent, publishPractice, testActor } from "../../tests/support/practice-factory";
import type { LoadRequest } from "./load-test";

/** Varied searches: plain words, a typo, a synonym, filters, sorts, a second page, no words. */
export const SEARCH_PATHS = [
  "/cari?q=perizinan",
  "/cari?q=pengaduan+masyarakat",
  "/cari?q=kependudukn",
  "/cari?q=tte",
  "/cari?q=sistem+informasi+desa",
  "/cari?q=satu+data&provinsi=32",
  "/cari?q=kearsipan&indikator=37",
  "/cari?q=aplikasi&urut=terbanyak-diadopsi",
  "/cari?q=pajak&jenis=kota&hal=2",
  "/cari?q=stunting&tahun=2024",
  "/cari?provinsi=35&tahap=penerapan",
  "/cari",
];

/**
 * The practices request each search page sends (the federated search of the words and their
 * stems, with facets), as raw HTTP requests to Meilisearch. The page's small regions and
 * indicators request runs alongside it, so it adds little to the page's time.
 */
export async function rawSearchRequests(paths: readonly string[], apiKey: string): Promise<LoadRequest[]> {
  const { readSearchQuery, searchRequest } = await import("../../app/modules/search/search.server");
  return Promise.all(
    paths.map(async (path) => {
      const { query } = await readSearchQuery(new URL(path, "http://bench.invalid").searchParams);
      return {
        path: "/multi-search",
        method: "POST" as const,
        body: JSON.stringify(searchRequest(query).practices),
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      };
    }),
  );
}

/**
 * Publishes `count` practices one after another, as a curator would, and measures from each
 * committed publish until Meilisearch finds it (the running server's worker does the work).
 * They are archived afterwards, which the worker removes from the index again.
 */
export async function measurePublishToSearchable(client: Meilisearch, count = 30): Promise<number[]> {
  const { decideOnPractice } = await import("../../app/modules/practices/index.server");
  const people = { editor: await testActor("editor", "32.11"), curator: await testActor("curator") };
  const practices = client.index("practices");
  const latenciesMs: number[] = [];
  const published: number[] = [];
  try {
    for (let n = 0; n < count; n++) {
      const title = `Uji kecepatan terbit ${n} ${Date.now().toString(36)}`;
      const id = await publishPractice(practiceContent({ title }), people);
      published.push(id);
      const committedAt = performance.now();
      for (;;) {
        const { hits } = await practices.search(`"${title}"`, { attributesToRetrieve: ["id"], limit: 5 });
        if (hits.some((hit) => hit.id === id)) break;
        if (performance.now() - committedAt > 30_000) throw new Error(`practice ${id} was not searchable after 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      latenciesMs.push(performance.now() - committedAt);
    }
  } finally {
    for (const id of published) {
      await decideOnPractice({ practiceId: id, decision: "archive", comment: "", seenVersion: 1, actor: people.curator, ip: "127.0.0.1" });
    }
  }
  return latenciesMs;
}

/** A full rebuild of every index from PostgreSQL, swapped in like `npm run search:reindex`. */
export async function measureReindex(client: Meilisearch) {
  const { reindexAll } = await import("../../app/modules/search/search-index.server");
  return reindexAll(client);
}
