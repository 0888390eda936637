import { Meilisearch } from "meilisearch";
import { serverEnv } from "../env.server";

let client: Meilisearch | undefined;

/** Server-side client with the master key; the key never reaches the browser. */
export function meilisearch(): Meilisearch {
  if (!client) {
    const env = serverEnv();
    if (!env.MEILI_URL) throw new Error("MEILI_URL is not set");
    client = new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, timeout: 2_000 });
  }
  return client;
}
