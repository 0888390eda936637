import { isNull, max } from "drizzle-orm";
import { publishedResults } from "../../../db/schema";
import { db } from "../db.server";
import { type FrameworkSummary, listFrameworks, SPBE_2020 } from "./frameworks.server";

/** The query parameter naming the framework a benchmarking page shows (`?kerangka=pemdi-2026`). */
export const FRAMEWORK_PARAM = "kerangka";

/** What a page is given when its URL names a framework that does not exist: the 404 page lists the real ones. */
export interface UnknownFramework {
  unknownFramework: { requested: string; choices: { slug: string; name: string; shortName: string }[] };
}

/**
 * The framework of the most recent evaluation year with official results; SPBE 2020 while no
 * framework has any (a new framework is not the default before its first results are published).
 */
export async function defaultFramework(frameworks: FrameworkSummary[]): Promise<FrameworkSummary> {
  const latest = await db()
    .select({ frameworkId: publishedResults.frameworkId, year: max(publishedResults.year) })
    .from(publishedResults)
    .where(isNull(publishedResults.supersededAt))
    .groupBy(publishedResults.frameworkId);
  const yearOf = new Map(latest.map((row) => [row.frameworkId, row.year ?? 0]));
  const withData = frameworks.filter((framework) => yearOf.has(framework.id)).sort((a, b) => yearOf.get(b.id)! - yearOf.get(a.id)!);
  const chosen = withData[0] ?? frameworks.find((framework) => framework.slug === SPBE_2020) ?? frameworks[0];
  if (!chosen) throw new Error("no framework stored: seed the reference data first");
  return chosen;
}

/**
 * The framework a benchmarking page shows: the one its URL names, else the default. An unknown
 * name is a 404 whose page says so and links the frameworks that exist (never a silent switch:
 * a figure shown under the wrong framework would be misread).
 */
export async function requireFrameworkChoice(params: URLSearchParams): Promise<{ framework: FrameworkSummary; frameworks: FrameworkSummary[]; requested: boolean }> {
  const frameworks = await listFrameworks();
  const requested = params.get(FRAMEWORK_PARAM);
  if (requested === null || requested === "") return { framework: await defaultFramework(frameworks), frameworks, requested: false };
  const framework = frameworks.find((candidate) => candidate.slug === requested);
  if (!framework) {
    const body: UnknownFramework = { unknownFramework: { requested: requested.slice(0, 60), choices: frameworks.map(({ slug, name, shortName }) => ({ slug, name, shortName })) } };
    // A thrown Response is an expected answer; a thrown data() would be logged as a server error.
    throw new Response(JSON.stringify(body), { status: 404, headers: { "Content-Type": "application/json; charset=utf-8" } });
  }
  return { framework, frameworks, requested: true };
}
