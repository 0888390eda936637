import { readSettings } from "../../app/modules/env.server";

/**
 * Why synthetic sample data may not exist here, or null in demo mode: the embedded database,
 * outside production, unless `IDSL_SAMPLE_DATA=off` turns it off.
 */
export function sampleDataRefusal(): string | null {
  const settings = readSettings();
  if (settings.NODE_ENV === "production") return "never in production (NODE_ENV=production)";
  if (settings.DATABASE_URL) return "only on the embedded database (DATABASE_URL is set)";
  if (settings.IDSL_SAMPLE_DATA === "off") return "turned off (IDSL_SAMPLE_DATA=off)";
  return null;
}
