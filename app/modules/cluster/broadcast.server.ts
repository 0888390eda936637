import { sql } from "drizzle-orm";
import { db, dbClient } from "../db.server";
import { errorMessage } from "../error-message";
import { log } from "../log.server";

/**
 * In-process caches must be dropped in every app process, on every server, when one of them
 * changes the data behind them (decision 0031). A broadcast is a PostgreSQL NOTIFY on one
 * channel; every serving process LISTENs on it once and runs the handlers of the topic.
 */
const CHANNEL = "idsl_cache";

type Handler = () => void;

/**
 * On globalThis: the server build bundles its own copy of this module, next to the copy the
 * start script loads, and both must share one registry (like the pool in db.server.ts).
 */
const processWide = globalThis as typeof globalThis & { idslBroadcastHandlers?: Map<string, Handler[]>; idslAnyBroadcastHandlers?: Handler[] };

function handlers(): Map<string, Handler[]> {
  return (processWide.idslBroadcastHandlers ??= new Map());
}

function anyHandlers(): Handler[] {
  return (processWide.idslAnyBroadcastHandlers ??= []);
}

/**
 * Tells every process (this one included) that `topic`'s data changed. Call it after the
 * change committed: a process that drops its cache earlier could read the old rows again. A
 * failed notification does not undo the change: it is logged, and time-limited caches expire.
 */
export async function broadcast(topic: string): Promise<void> {
  try {
    await db().execute(sql`select pg_notify(${CHANNEL}, ${topic})`);
  } catch (error) {
    log.warn({ topic, error: errorMessage(error) }, "cache invalidation not broadcast");
  }
  // This process's own notification arrives a moment later: a reader sent here by the writer's
  // redirect could still be answered from what the write changed.
  runAnyHandlers();
}

/** Runs `handler` whenever any process broadcasts `topic` (once listenForBroadcasts runs). */
export function onBroadcast(topic: string, handler: Handler): void {
  handlers().set(topic, [...(handlers().get(topic) ?? []), handler]);
}

/**
 * Runs `handler` on every broadcast, whatever its topic, and on every (re)connect: for caches of
 * what any change can alter (http/anonymous-cache.server.ts). In the broadcasting process it runs
 * at once, before broadcast returns.
 */
export function onAnyBroadcast(handler: Handler): void {
  anyHandlers().push(handler);
}

function runAnyHandlers() {
  for (const handler of anyHandlers()) handler();
}

function runHandlers(topics: Iterable<string>) {
  for (const topic of topics) for (const handler of handlers().get(topic) ?? []) handler();
  runAnyHandlers();
}

/** How long to wait before trying to listen again when the database could not be reached. */
const RETRY_MS = 5_000;

/**
 * Listens for broadcasts until the returned function is called; every serving process calls it
 * once. A server may start while the database is down, so the first LISTEN is retried until it
 * succeeds; after that postgres.js reconnects a lost LISTEN connection by itself. Notifications
 * sent while not listening are lost, so on every (re)connect all caches are dropped.
 */
export function listenForBroadcasts(): () => Promise<void> {
  let stopped = false;
  let unlisten: (() => Promise<void>) | undefined;
  let retry: NodeJS.Timeout | undefined;
  const attempt = () => {
    dbClient()
      .listen(
        CHANNEL,
        (topic) => runHandlers([topic]),
        () => runHandlers(handlers().keys()),
      )
      .then(
        (listening) => {
          if (stopped) void listening.unlisten();
          else unlisten = listening.unlisten;
        },
        (error: unknown) => {
          if (stopped) return;
          log.warn({ error: errorMessage(error) }, "not listening for cache invalidations yet; trying again");
          retry = setTimeout(attempt, RETRY_MS).unref();
        },
      );
  };
  attempt();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await unlisten?.();
  };
}
