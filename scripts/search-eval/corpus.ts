/**
 * The harness's fixed corpus (decision 0034): the seeded case studies plus the practices of
 * corpus.json, written for the harness, published through the app's own publishing path into
 * the test database, then indexed into Meilisearch indexes of their own (a prefix).
 */
import { readFileSync } from "node:fs";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { practices } from "../../db/schema";
import { db } from "../../app/modules/db.server";
import { getFrameworkTree, SPBE_2020 } from "../../app/modules/frameworks/index.server";
import { meilisearch } from "../../app/modules/search/meilisearch.server";
import { reindexAll } from "../../app/modules/search/search-index.server";
import { PRACTICE_STAGES } from "../../app/modules/practices";
import { readSeedPractices } from "../../seed/practices";
import { practiceContent, publishPractice, testActor } from "../../tests/support/practice-factory";

const corpusPractice = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  region: z.string().regex(/^\d{2}\.\d{2}$/),
  title: z.string().min(1),
  titleEn: z.string(),
  summary: z.string().min(1),
  summaryEn: z.string(),
  body: z.string().min(1),
  tags: z.array(z.string().min(1)).min(1),
  /** SPBE 2020 indicator numbers. */
  indicators: z.array(z.number().int().min(1).max(47)),
  leadOpd: z.string().default(""),
  stage: z.enum(PRACTICE_STAGES).default("penerapan"),
});
export type CorpusPractice = z.infer<typeof corpusPractice>;

export function readCorpus(): CorpusPractice[] {
  const file = readFileSync(new URL("./corpus.json", import.meta.url), "utf8");
  const corpus = z.array(corpusPractice).parse(JSON.parse(file));
  const seedKeys = new Set(readSeedPractices().map((practice) => practice.seedKey));
  const seen = new Set<string>();
  for (const { key } of corpus) {
    if (seen.has(key) || seedKeys.has(key)) throw new Error(`corpus.json: key ${key} is used twice`);
    seen.add(key);
  }
  return corpus;
}

/** Every document key the judgements may name: the seeded case studies' seed keys and the corpus keys. */
export function corpusKeys(): Set<string> {
  return new Set([...readSeedPractices().map((practice) => practice.seedKey), ...readCorpus().map((practice) => practice.key)]);
}

/**
 * Publishes the corpus into the database (which already holds the seeded case studies) and
 * indexes every public practice under `prefix`. Returns the document key of each practice id.
 */
export async function loadCorpus(prefix: string): Promise<Map<number, string>> {
  const corpus = readCorpus();
  const tree = await getFrameworkTree(SPBE_2020);
  const indicatorIds = new Map([...tree.indicatorsById.values()].map((indicator) => [indicator.number, indicator.id]));
  const curator = await testActor("curator");
  const editors = new Map<string, Awaited<ReturnType<typeof testActor>>>();
  const keyById = new Map<number, string>();
  for (const practice of corpus) {
    const editor = editors.get(practice.region) ?? (await testActor("editor", practice.region));
    editors.set(practice.region, editor);
    const content = practiceContent({
      title: practice.title,
      titleEn: practice.titleEn,
      summary: practice.summary,
      summaryEn: practice.summaryEn,
      body: practice.body,
      tags: practice.tags,
      leadOpd: practice.leadOpd,
      partners: [],
      stage: practice.stage,
      indicatorIds: practice.indicators.map((number) => indicatorIds.get(number)!),
    });
    keyById.set(await publishPractice(content, { editor, curator }), practice.key);
  }
  const seeded = await db()
    .select({ id: practices.id, seedKey: practices.seedKey })
    .from(practices)
    .where(inArray(practices.seedKey, readSeedPractices().map((practice) => practice.seedKey)));
  for (const { id, seedKey } of seeded) keyById.set(id, seedKey!);
  await reindexAll(meilisearch(), { prefix });
  return keyById;
}
