/**
 * Runs `npm start`'s command (scripts/start.ts) in a test: its output, its exit, the processes
 * it left. Shared by the start test and the fault tests that run the whole site.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import path from "node:path";

const startScript = path.resolve("scripts/start.ts");

export interface StartRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `npm start`'s command in a process group of its own, as a terminal runs a command. */
export function runStart(env: Record<string, string>): StartRun {
  const child = spawn(process.execPath, ["--import", "tsx", startScript], {
    env: { ...process.env, DATABASE_URL: "", MEILI_URL: "", MEILI_MASTER_KEY: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForOutput(run: StartRun, text: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`no "${text}" in:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Processes of the run's group (workers, PostgreSQL, Meilisearch) still running, as "pid command".
 * Zombies are left out: they have exited, and where PID 1 does not reap orphans (containers)
 * they stay listed forever. Waits a moment for processes that are still on their way out.
 */
export async function processesLeft(run: StartRun, graceMs = 5_000): Promise<string[]> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const left = execFileSync("ps", ["-eo", "pid=,pgid=,stat=,comm="], { encoding: "utf8" })
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter(([, pgid, stat]) => pgid === String(run.child.pid) && stat !== undefined && !stat.startsWith("Z"))
      .map(([pid, , , command]) => `${pid} ${command}`);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lines that are not the script's own `[idsl]` messages: stack traces, warnings. */
export function strayLines(output: string): string[] {
  return output.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("[idsl] "));
}

/** Polls `check` until it succeeds or `timeoutMs` passes. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
