import { asc, eq } from "drizzle-orm";
import { frameworkPredikatBands, frameworks } from "../../../db/schema";
import { db } from "../db.server";
import type { PredikatBand } from "./predikat";

/** The framework whose index the public pages show until a region chooses another. */
export const SPBE_2020 = "spbe-2020";

export interface FrameworkSummary {
  id: number;
  slug: string;
  name: string;
  decimals: number;
  bands: PredikatBand[];
}

/**
 * A stored framework version never changes (db/seed/reference.ts only inserts new ones), so
 * its summary is read once per process instead of on every directory or profile request.
 */
const summaries = new Map<string, FrameworkSummary>();

export async function getFrameworkSummary(slug: string): Promise<FrameworkSummary | null> {
  const cached = summaries.get(slug);
  if (cached) return cached;
  const summary = await loadFrameworkSummary(slug);
  if (summary) summaries.set(slug, summary);
  return summary;
}

async function loadFrameworkSummary(slug: string): Promise<FrameworkSummary | null> {
  const framework = await db().query.frameworks.findFirst({
    where: eq(frameworks.slug, slug),
    columns: { id: true, slug: true, name: true, decimals: true },
  });
  if (!framework) return null;
  const bands = await db()
    .select({ name: frameworkPredikatBands.name, minValue: frameworkPredikatBands.minValue })
    .from(frameworkPredikatBands)
    .where(eq(frameworkPredikatBands.frameworkId, framework.id))
    .orderBy(asc(frameworkPredikatBands.minValue));
  return { ...framework, bands };
}
