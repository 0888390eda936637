import { getBenchmarkData, type PublishedAverage } from "./benchmark-data.server";

/** The most recent national index a source publishes for a framework, with its sources. */
export async function getLatestNationalResult(frameworkSlug: string): Promise<PublishedAverage | null> {
  const data = await getBenchmarkData(frameworkSlug, null);
  const national = (data?.averages ?? []).filter((average) => average.scope === "national").sort((a, b) => b.year - a.year);
  return national[0] ?? null;
}
