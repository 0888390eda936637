import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface RunningServer {
  url: string;
  /** Sends SIGTERM at once (so it also works from a signal handler), then waits until all exited. */
  stop: () => Promise<void>;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const READY_TIMEOUT_MS = 120_000;

function groupIsGone(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * Signals the child's whole process group (scripts/start.ts and the Meilisearch it started),
 * like Ctrl-C in a terminal does: on SIGTERM alone start.ts may exit before stopping
 * Meilisearch. Waits until the group is gone, killing it after `graceMs`.
 */
async function stopGroup(child: ChildProcess, graceMs = 15_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || groupIsGone(pid)) return;
  process.kill(-pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (!groupIsGone(pid)) {
    if (Date.now() > deadline) {
      process.kill(-pid, "SIGKILL");
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer ${url}/healthz within ${READY_TIMEOUT_MS / 1000} s`);
}

/** What every bench server runs with besides its own settings. */
function benchEnvironment(env: NodeJS.ProcessEnv, port: number): NodeJS.ProcessEnv {
  return {
    ...env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    // The load test is one client sending thousands of API requests and searches a minute: measured, not limited.
    API_REQUESTS_PER_MINUTE: "1000000",
    SEARCH_REQUESTS_PER_MINUTE: "1000000",
    // One JSON line per request would bury the figures this terminal shows; LOG_LEVEL=info measures with them.
    LOG_LEVEL: env.LOG_LEVEL ?? "warn",
  };
}

/** Spawns `script` in its own process group (so stopping reaches what it starts) and waits until healthy. */
async function startServerProcess(script: string, env: NodeJS.ProcessEnv, port: number): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`[bench] ${script} exited unexpectedly (${signal ?? `code ${code}`})`);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    stopping = true;
    return stopGroup(child);
  };
  try {
    await waitUntilHealthy(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/**
 * Starts the site the way `npm start` does (scripts/start.ts on the production build), on the
 * given database, with its own bundled Meilisearch under `dataDir`, and waits until healthy.
 */
export async function startProductionServer(options: {
  databaseUrl: string;
  dataDir: string;
  port: number;
  meiliPort: number;
}): Promise<RunningServer> {
  // Our own Meilisearch, even when the shell points at another one.
  const { MEILI_URL: _meiliUrl, MEILI_MASTER_KEY: _meiliKey, ...env } = process.env;
  return startServerProcess(
    "scripts/start.ts",
    {
      ...benchEnvironment(env, options.port),
      DATABASE_URL: options.databaseUrl,
      IDSL_DATA_DIR: options.dataDir,
      EMBEDDED_MEILI_PORT: String(options.meiliPort),
    },
    options.port,
  );
}

/**
 * One more app server, as a second machine behind a load balancer would run: one process serving
 * the production build on the database and Meilisearch the running site uses (DATABASE_URL,
 * MEILI_URL and MEILI_MASTER_KEY of this process), with none of the start script's preparation.
 */
export async function startAppServer(options: { dataDir: string; port: number; linkSigningSecret: string }): Promise<RunningServer> {
  return startServerProcess(
    "scripts/bench/app-server-child.ts",
    { ...benchEnvironment(process.env, options.port), IDSL_DATA_DIR: options.dataDir, LINK_SIGNING_SECRET: options.linkSigningSecret },
    options.port,
  );
}
