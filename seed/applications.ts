import { readFileSync } from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { APPLICATION_FUNCTIONS, APPLICATION_TERMS } from "../app/modules/applications";
import type { Database } from "../db/client";
import { applicationPractices, applications, frameworkNodes, frameworks, practices } from "../db/schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

const seedApplication = z.object({
  seedKey: z.string().regex(/^[a-z0-9-]+$/),
  regionCode: z.string().regex(/^\d{2}\.\d{2}$/),
  name: z.string().min(1).max(160),
  function: z.enum(APPLICATION_FUNCTIONS),
  description: z.string().min(1),
  indicatorNumbers: z.array(z.number().int().min(1)),
  terms: z.enum(APPLICATION_TERMS),
  termsNote: z.string(),
  /** Seeded practices (seed/data/practices.json) of the same region it supports. */
  practiceSeedKeys: z.array(z.string()),
});

/**
 * Applications compiled by us from public sources (seed/data/applications.json; only what the
 * sources say, see seed/data/practices-facts.md), labelled as such. Each is inserted once:
 * later edits by the region are never overwritten. Needs the seeded practices first.
 */
export async function seedApplications(tx: Transaction, frameworkSlug: string): Promise<void> {
  const records = z.array(seedApplication).parse(JSON.parse(readFileSync(new URL("./data/applications.json", import.meta.url), "utf8")));
  const existing = await tx.select({ seedKey: applications.seedKey }).from(applications).where(inArray(applications.seedKey, records.map((record) => record.seedKey)));
  const seeded = new Set(existing.map((row) => row.seedKey));
  const indicatorRows = await tx
    .select({ id: frameworkNodes.id, number: frameworkNodes.number })
    .from(frameworkNodes)
    .innerJoin(frameworks, eq(frameworks.id, frameworkNodes.frameworkId))
    .where(and(eq(frameworks.slug, frameworkSlug), eq(frameworkNodes.kind, "indicator")));
  const indicatorIdByNumber = new Map(indicatorRows.map((row) => [row.number, row.id]));
  for (const { seedKey, indicatorNumbers, practiceSeedKeys, ...record } of records) {
    if (seeded.has(seedKey)) continue;
    const indicatorIds = indicatorNumbers.map((number) => {
      const id = indicatorIdByNumber.get(number);
      if (id === undefined) throw new Error(`applications.json ${seedKey}: no indicator ${number} in ${frameworkSlug}`);
      return id;
    });
    const supported = await tx
      .select({ id: practices.id })
      .from(practices)
      .where(and(inArray(practices.seedKey, practiceSeedKeys), eq(practices.regionCode, record.regionCode)));
    if (supported.length !== practiceSeedKeys.length) throw new Error(`applications.json ${seedKey}: practiceSeedKeys must be seeded practices of ${record.regionCode}`);
    const [row] = await tx
      .insert(applications)
      .values({ ...record, seedKey, indicatorIds, compiledFromPublicSources: true })
      .returning({ id: applications.id });
    await tx.insert(applicationPractices).values(supported.map((practice) => ({ applicationId: row!.id, practiceId: practice.id })));
  }
}
