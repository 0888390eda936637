import { type EnqueuedTaskPromise, Meilisearch, type Task } from "meilisearch";
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

/** Waits for an enqueued task and turns a failed one into an exception (the client only reports it). */
export async function settleTask(enqueued: EnqueuedTaskPromise, timeoutMs: number): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: timeoutMs });
  if (task.status !== "succeeded") {
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no details"}`);
  }
  return task;
}
