import path from "node:path";
import { readOrCreateLocalSecret } from "./local-secrets";

/**
 * Where a command-line script finds Meilisearch: MEILI_URL (with MEILI_MASTER_KEY) when set,
 * otherwise the bundled server a running `npm start` has, with its local key.
 */
export function meiliConnection(): { host: string; apiKey: string } {
  if (process.env.MEILI_URL) return { host: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY ?? "" };
  const dataDir = path.resolve(process.env.IDSL_DATA_DIR || ".data");
  const port = Number(process.env.EMBEDDED_MEILI_PORT || 7700);
  return {
    host: `http://127.0.0.1:${port}`,
    apiKey: process.env.MEILI_MASTER_KEY || readOrCreateLocalSecret(dataDir, "meili-master-key"),
  };
}
