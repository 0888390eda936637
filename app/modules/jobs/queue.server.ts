/**
 * Background jobs on pg-boss (decision 0025). pg-boss keeps its own tables in the `pgboss`
 * schema but runs every statement through our postgres.js connections (its `db` option): the
 * app opens no second pool, and a job is written in the caller's transaction, so a job whose
 * cause rolls back never exists.
 */
import { is, sql } from "drizzle-orm";
import { PostgresJsSession } from "drizzle-orm/postgres-js";
import PgBoss from "pg-boss";
import type { Sql } from "postgres";
import { type DatabaseOrTransaction, dbClient } from "../db.server";

/** What a job does with its payload. It must be idempotent: a job may run again after a crash or a failure. */
export interface JobHandler<Payload extends object = object> {
  /** The queue's name, e.g. "auth.delete-expired-links". */
  name: string;
  run(payload: Payload, job: { id: string }): Promise<void>;
  /** Attempts after the first failure (default 8). */
  retryLimit?: number;
  /** The first retry's delay; each next one about doubles (default 30 s). */
  retryDelaySeconds?: number;
  /** A run taking longer counts as failed (a killed worker's job runs again after it; default 5 min). */
  expireInSeconds?: number;
  /** A cron expression (UTC): the worker enqueues the job on this schedule, with an empty payload. */
  schedule?: string;
}

export interface EnqueueOptions {
  /** Not before this moment. */
  startAfter?: Date;
  /** While a job of this queue with this key waits, another one is not added. */
  singletonKey?: string;
}

const DEFAULT_POLICY = { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 } as const;

/**
 * pg-boss's parameters as node-postgres (which it is written for) sends them: undefined as
 * null, a plain object (a job's payload, queue options) as JSON text. postgres.js refuses
 * undefined and serializes by the type the server infers, with no serializer for jsonb.
 */
function asNodePostgresParameter(value: unknown): unknown {
  if (value === undefined) return null;
  const plainObject = value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
  return plainObject ? JSON.stringify(value) : value;
}

function nodePostgresParameters(values: unknown[] | undefined) {
  return (values ?? []).map(asNodePostgresParameter) as Parameters<Sql["unsafe"]>[1];
}

/**
 * pg-boss's own statements (schema, polling, maintenance, schedules) on a postgres.js pool.
 * Those without parameters are scripts that run BEGIN … COMMIT themselves, which postgres.js
 * allows on a reserved connection only.
 */
export function poolExecutor(client: Sql): PgBoss.Db {
  return {
    async executeSql(text, values?: unknown[]) {
      if (values && values.length > 0) return { rows: await client.unsafe(text, nodePostgresParameters(values)) };
      const reserved = await client.reserve();
      try {
        return { rows: await reserved.unsafe(text) };
      } finally {
        reserved.release();
      }
    },
  };
}

/** pg-boss's statements inside the caller's transaction (or on its pool). */
function transactionExecutor(tx: DatabaseOrTransaction): PgBoss.Db {
  const session = tx._.session;
  if (!is(session, PostgresJsSession)) throw new Error("The job queue needs the postgres.js driver.");
  return {
    async executeSql(text, values?: unknown[]) {
      return { rows: await session.client.unsafe(text, nodePostgresParameters(values)) };
    },
  };
}

export function queuePolicy(handler: Pick<JobHandler, "retryLimit" | "retryDelaySeconds" | "expireInSeconds">): PgBoss.Queue & { name: string } {
  return {
    name: "",
    retryLimit: handler.retryLimit ?? DEFAULT_POLICY.retryLimit,
    retryDelay: handler.retryDelaySeconds ?? DEFAULT_POLICY.retryDelay,
    retryBackoff: DEFAULT_POLICY.retryBackoff,
    expireInSeconds: handler.expireInSeconds ?? DEFAULT_POLICY.expireInSeconds,
  };
}

/** Enqueueing needs no started pg-boss (no polling, no maintenance): one per process, never started. */
const processWide = globalThis as typeof globalThis & { idslJobSender?: PgBoss; idslJobQueues?: Set<string> };

function sender(): PgBoss {
  processWide.idslJobSender ??= new PgBoss({ db: poolExecutor(dbClient()), supervise: false, schedule: false });
  return processWide.idslJobSender;
}

/**
 * Makes sure the queue exists, on its own connection: a queue is a partition table, DDL we keep
 * out of the caller's transaction. The site's queues are created with the schema
 * (installJobQueue), so this only reads; creating a queue here while other transactions insert
 * jobs could deadlock them (seen with six practices published at once on a fresh database).
 */
async function ensureQueue(handler: JobHandler<never>): Promise<void> {
  const known = (processWide.idslJobQueues ??= new Set());
  if (known.has(handler.name)) return;
  if (!(await sender().getQueue(handler.name))) await sender().createQueue(handler.name, { ...queuePolicy(handler), name: handler.name });
  known.add(handler.name);
}

/**
 * Adds a job in the given transaction: it exists (and runs) only if that transaction commits.
 * Returns the job's id, or null when `singletonKey` found one waiting.
 */
export async function enqueueJob<Payload extends object>(
  tx: DatabaseOrTransaction,
  handler: JobHandler<Payload>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<string | null> {
  await ensureQueue(handler);
  return sender().send(handler.name, payload, {
    db: transactionExecutor(tx),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  });
}

/**
 * Installs or upgrades pg-boss's schema (under its own advisory lock, so concurrent starts are
 * safe) and creates the queue of every job the site runs. Run with the migrations, before
 * anything enqueues.
 */
export async function installJobQueue(client: Sql, handlers: readonly JobHandler<never>[]): Promise<void> {
  const boss = new PgBoss({ db: poolExecutor(client), supervise: false, schedule: false });
  await boss.start();
  for (const handler of handlers) {
    if (!(await boss.getQueue(handler.name))) await boss.createQueue(handler.name, { ...queuePolicy(handler), name: handler.name });
  }
  await boss.stop({ graceful: false, close: false });
}

export interface QueueBacklog {
  queue: string;
  /** Jobs waiting to run: new, or failed and waiting for a retry. */
  waiting: number;
  /** Seconds since the oldest waiting job was created. */
  oldestAgeSeconds: number;
}

/** The waiting jobs of every queue that has any, read from pg-boss's table (its API gives no age). */
export async function jobQueueBacklog(executor: DatabaseOrTransaction): Promise<QueueBacklog[]> {
  const rows = await executor.execute<{ queue: string; waiting: number; oldest_age_seconds: number }>(sql`
    select name as queue, count(*)::int as waiting, extract(epoch from now() - min(created_on))::float8 as oldest_age_seconds
    from pgboss.job where state in ('created', 'retry') group by name`);
  return rows.map((row) => ({ queue: row.queue, waiting: row.waiting, oldestAgeSeconds: row.oldest_age_seconds }));
}
