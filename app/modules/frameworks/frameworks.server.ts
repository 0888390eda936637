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

export async function getFrameworkSummary(slug: string): Promise<FrameworkSummary | null> {
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
