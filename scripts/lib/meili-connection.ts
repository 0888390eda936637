import path from "node:path";
import { readSettings } from "../../app/modules/env.server";
import { readOrCreateLocalSecret } from "./local-secrets";

/**
 * Where a command-line script finds Meilisearch: MEILI_URL (with MEILI_MASTER_KEY) when set,
 * otherwise the bundled server a running `npm start` has, with its local key.
 */
export function meiliConnection(): { host: string; apiKey: string } {
  const settings = readSettings();
  if (settings.MEILI_URL) return { host: settings.MEILI_URL, apiKey: settings.MEILI_MASTER_KEY ?? "" };
  const dataDir = path.resolve(settings.IDSL_DATA_DIR);
  return {
    host: `http://127.0.0.1:${settings.EMBEDDED_MEILI_PORT}`,
    apiKey: settings.MEILI_MASTER_KEY ?? readOrCreateLocalSecret(dataDir, "meili-master-key"),
  };
}
