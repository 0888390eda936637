import { desc, eq } from "drizzle-orm";
import { frameworks, nationalResults, sources } from "../../../db/schema";
import { db } from "../db.server";

/** The most recent published national average for a framework, with its source. */
export async function getLatestNationalResult(frameworkSlug: string) {
  const [row] = await db()
    .select({
      year: nationalResults.year,
      index: nationalResults.nationalIndex,
      decree: nationalResults.decree,
      source: { citation: sources.citation, url: sources.url },
    })
    .from(nationalResults)
    .innerJoin(frameworks, eq(frameworks.id, nationalResults.frameworkId))
    .leftJoin(sources, eq(sources.id, nationalResults.sourceId))
    .where(eq(frameworks.slug, frameworkSlug))
    .orderBy(desc(nationalResults.year))
    .limit(1);
  return row ?? null;
}
