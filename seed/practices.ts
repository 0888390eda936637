import { readFileSync } from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { countWords, MAX_SUMMARY_WORDS, PRACTICE_STAGES } from "../app/modules/practices";
import type { Database } from "../db/client";
import { frameworkNodes, frameworks, practiceAdoptions, practiceRevisions, practices } from "../db/schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2})?$/)
  .nullable();
const summary = z.string().refine((text) => countWords(text) <= MAX_SUMMARY_WORDS, `at most ${MAX_SUMMARY_WORDS} words`);

const seedPractice = z.object({
  seedKey: z.string().regex(/^[a-z0-9-]+$/),
  regionCode: z.string().regex(/^\d{2}\.\d{2}$/),
  title: z.string().min(1).max(160),
  titleEn: z.string().max(160),
  summary: summary.pipe(z.string().min(1)),
  summaryEn: summary,
  body: z.string().min(1),
  leadOpd: z.string(),
  partners: z.array(z.string()),
  contact: z.string(),
  indicatorNumbers: z.array(z.number().int().min(1)),
  stage: z.enum(PRACTICE_STAGES),
  runningStatus: z.literal("active"),
  startedOn: partialDate,
  implementedOn: partialDate,
  metrics: z.array(
    z.object({
      name: z.string().min(1),
      baseline: z.number().nullable(),
      result: z.number(),
      unit: z.string(),
      baselineYear: z.number().int().nullable(),
      resultYear: z.number().int().nullable(),
    }),
  ),
  tags: z.array(z.string().min(1)),
  legalBasis: z.string(),
  budgetSource: z.string(),
  lessonsLearned: z.string(),
  replicationNeeds: z.string(),
  sources: z.array(z.object({ label: z.string(), url: z.string().url().nullable() })).min(1),
  adoptedFrom: z.object({ seedKey: z.string(), regionCode: z.string(), note: z.string() }).nullable(),
});

export function readSeedPractices() {
  const file = readFileSync(new URL("./data/practices.json", import.meta.url), "utf8");
  return z.array(seedPractice).parse(JSON.parse(file));
}

/**
 * Case studies compiled by us from public sources (seed/data/practices.json), published
 * and labelled as such. Each is inserted once: later curator edits are never overwritten.
 */
export async function seedPractices(tx: Transaction, frameworkSlug: string): Promise<void> {
  const records = readSeedPractices();
  const indicatorRows = await tx
    .select({ id: frameworkNodes.id, number: frameworkNodes.number })
    .from(frameworkNodes)
    .innerJoin(frameworks, eq(frameworks.id, frameworkNodes.frameworkId))
    .where(and(eq(frameworks.slug, frameworkSlug), eq(frameworkNodes.kind, "indicator")));
  const indicatorIdByNumber = new Map(indicatorRows.map((row) => [row.number, row.id]));

  const existing = await tx
    .select({ id: practices.id, seedKey: practices.seedKey })
    .from(practices)
    .where(inArray(practices.seedKey, records.map((record) => record.seedKey)));
  const idBySeedKey = new Map(existing.map((row) => [row.seedKey!, row.id]));

  for (const record of records) {
    if (idBySeedKey.has(record.seedKey)) continue;
    const { seedKey, regionCode, indicatorNumbers, adoptedFrom: _adoptedFrom, ...content } = record;
    const indicatorIds = indicatorNumbers.map((number) => {
      const id = indicatorIdByNumber.get(number);
      if (id === undefined) throw new Error(`practices.json ${seedKey}: no indicator ${number} in ${frameworkSlug}`);
      return id;
    });
    const now = new Date();
    const [practice] = await tx
      .insert(practices)
      .values({ regionCode, seedKey, state: "published", compiledFromPublicSources: true, publishedAt: now, firstPublishedAt: now })
      .returning({ id: practices.id });
    const [revision] = await tx
      .insert(practiceRevisions)
      .values({ practiceId: practice!.id, number: 1, ...content, stoppedReason: "", stoppedOn: null, indicatorIds })
      .returning({ id: practiceRevisions.id });
    await tx
      .update(practices)
      .set({ latestRevisionId: revision!.id, publishedRevisionId: revision!.id })
      .where(eq(practices.id, practice!.id));
    idBySeedKey.set(seedKey, practice!.id);
  }

  for (const record of records) {
    if (!record.adoptedFrom) continue;
    const sourcePracticeId = idBySeedKey.get(record.adoptedFrom.seedKey);
    if (sourcePracticeId === undefined) throw new Error(`practices.json ${record.seedKey}: unknown adoptedFrom ${record.adoptedFrom.seedKey}`);
    await tx
      .insert(practiceAdoptions)
      .values({
        adopterPracticeId: idBySeedKey.get(record.seedKey)!,
        sourcePracticeId,
        sourceRegionCode: record.adoptedFrom.regionCode,
        note: record.adoptedFrom.note,
      })
      .onConflictDoNothing();
  }
}
