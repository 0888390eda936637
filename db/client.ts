import net from "node:net";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDatabase>["db"];
type Client = ReturnType<typeof postgres>;

export interface DatabaseOptions {
  max?: number;
  /** Seconds to wait for a new connection (TCP, TLS and login) before giving up. */
  connectTimeoutSeconds?: number;
  /** Seconds an unused pooled connection stays open; 0 keeps it. */
  idleTimeoutSeconds?: number;
  /** PostgreSQL's statement_timeout for every statement on the pool, in ms; 0 or unset: none. */
  statementTimeoutMs?: number;
  /**
   * The client's own deadline, in ms (0 or unset: none): a connection whose server stays silent
   * this long after being sent something is dropped, and a query or transaction still waiting
   * for a connection this long fails. Both fail with QUERY_DEADLINE_CODE.
   */
  answerDeadlineMs?: number;
  /**
   * Whether drizzle's statements are sent as named prepared statements, which each connection
   * plans once and reuses (decision 0038); default true. False for a pooler that cannot keep
   * them (PgBouncer in transaction mode before 1.21).
   */
  preparedStatements?: boolean;
}

/** The code of the error a query fails with when the client's deadline passed: an outage, like a refused connection. */
export const QUERY_DEADLINE_CODE = "QUERY_DEADLINE";

function deadlineError(ms: number): Error {
  return Object.assign(new Error(`the database did not answer within ${ms} ms`), { code: QUERY_DEADLINE_CODE });
}

/** What postgres.js passes to a custom socket factory: its parsed options. */
interface SocketTarget {
  host: string[];
  port: number[];
  path: string | false;
}

/**
 * A connection to PostgreSQL that is destroyed when the server stays silent for `ms` after being
 * sent something. A frozen server (SIGSTOP, a hung host or VM) still accepts bytes, its kernel
 * still answers TCP keepalives, and its statement_timeout never fires: without this, a pooled
 * connection waits forever. Bytes are watched, not protocol messages, so it holds under TLS too;
 * an idle connection (or one only listening for notifications) sends nothing and is left alone.
 * Only the first host of a multi-host URL is used.
 */
function silenceWatchedSocket(target: SocketTarget, ms: number): net.Socket {
  const socket = target.path ? net.connect(target.path) : net.connect(target.port[0]!, target.host[0]!);
  // postgres.js reads the host for TLS's server name only when it connected the socket itself.
  Object.assign(socket, { host: target.host[0] });
  let timer: NodeJS.Timeout | undefined;
  const write = socket.write;
  socket.write = function (this: net.Socket, ...args: Parameters<net.Socket["write"]>) {
    timer ??= setTimeout(() => socket.destroy(deadlineError(ms)), ms);
    return write.apply(this, args);
  } as net.Socket["write"];
  socket.on("data", () => {
    clearTimeout(timer);
    timer = undefined;
  });
  socket.once("close", () => clearTimeout(timer));
  return socket;
}

/**
 * Whether postgres.js has sent `query` on a connection (it sets the undeclared `state` then). A
 * sent query is left to the server's statement_timeout and the silence watch: cancelling it
 * would open one more connection to a server that may be frozen.
 */
function wasSent(query: object): boolean {
  return (query as unknown as { state: unknown }).state !== null;
}

/**
 * The client as drizzle uses it.
 *
 * Prepared statements: drizzle sends each query through postgres.js's `unsafe`, whose default is
 * an unnamed statement that PostgreSQL parses and plans on every run. On the region page planning
 * its eight-table adoption query took longer than running it. Named statements are planned once
 * per connection and reused (decision 0038); postgres.js re-prepares one a migration invalidated.
 *
 * Deadline (answerDeadlineMs > 0): when every connection is stuck on a frozen server, queries
 * queue inside postgres.js, which has no acquire timeout. A query still queued at the deadline is
 * taken off the queue and fails (code 57014, postgres.js's "canceled"); a transaction that has not
 * started by then fails with the deadline error, and is rolled back at once should it start
 * later. Queries inside a started transaction run on its own connection, which the silence watch
 * covers.
 */
function forDrizzle(client: Client, options: { deadlineMs: number; prepare: boolean }): Client {
  const { deadlineMs: ms, prepare } = options;
  const unsafe = (...[text, parameters, queryOptions]: Parameters<Client["unsafe"]>) => {
    const query = client.unsafe(text, parameters, { ...queryOptions, prepare });
    if (ms <= 0) return query;
    const timer = setTimeout(() => wasSent(query) || query.cancel(), ms);
    // drizzle awaits every query at once, so observing it here starts it no earlier than drizzle would.
    query.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    return query;
  };
  const begin = <T>(...args: [(sql: postgres.TransactionSql) => T | Promise<T>] | [string, (sql: postgres.TransactionSql) => T | Promise<T>]) => {
    const [options, run] = args.length === 1 ? ["", args[0]] : args;
    if (ms <= 0) return client.begin(options, run);
    return new Promise<Awaited<T>>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(deadlineError(ms));
      }, ms);
      client
        .begin(options, (sql) => {
          if (late) throw deadlineError(ms);
          clearTimeout(timer);
          return run(sql);
        })
        .then((result) => resolve(result as Awaited<T>), reject)
        .finally(() => clearTimeout(timer));
    });
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") return unsafe;
      if (property === "begin") return begin;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/**
 * How long a pooled connection that failed waits before it connects again, after `retries`
 * failures on the pool. postgres.js's default grows to 20 s (3^retries / 100) and is counted
 * per connection from its failure, so after an outage of a few seconds a query handed to such a
 * connection waited past the web requests' deadline on a database long back (a 503 seconds
 * after recovery). Capped at 1 s: a request waits little, and a database still down is asked at
 * most once a second per connection.
 */
function reconnectDelaySeconds(retries: number): number {
  return Math.min(2 ** retries / 100, 1);
}

/** One connection pool plus its drizzle wrapper; `close` ends the pool. */
export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const deadline = options.answerDeadlineMs ?? 0;
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    idle_timeout: options.idleTimeoutSeconds || undefined,
    // Sent with the login, so it holds from the first statement on each connection.
    connection: options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {},
    // Postgres NOTICEs (e.g. "relation already exists, skipping") are noise for us.
    onnotice: () => {},
    backoff: reconnectDelaySeconds,
    // A documented option its types leave out.
    ...(deadline > 0 ? { socket: (target: SocketTarget) => silenceWatchedSocket(target, deadline) } : {}),
  });
  const db = drizzle(forDrizzle(client, { deadlineMs: deadline, prepare: options.preparedStatements ?? true }), { schema });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}
