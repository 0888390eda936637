import { StartupError } from "./startup-error";

/**
 * Why synthetic sample data may not exist here, or null in demo mode: the embedded database,
 * outside production, unless `IDSL_SAMPLE_DATA=off` turns it off.
 */
export function sampleDataRefusal({ embeddedDatabase }: { embeddedDatabase: boolean }): string | null {
  const setting = process.env.IDSL_SAMPLE_DATA || "on";
  if (setting !== "on" && setting !== "off") throw new StartupError(`IDSL_SAMPLE_DATA must be "on" or "off", got "${setting}".`);
  if (process.env.NODE_ENV === "production") return "never in production (NODE_ENV=production)";
  if (!embeddedDatabase) return "only on the embedded database (DATABASE_URL is set)";
  if (setting === "off") return "turned off (IDSL_SAMPLE_DATA=off)";
  return null;
}
