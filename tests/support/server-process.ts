import { spawn } from "node:child_process";

/**
 * An app server in a process of its own (http-server-child.ts), as a second server behind a load
 * balancer would be: `origin` settles once it listens; `stop` kills it and waits for the exit.
 */
export function startServerProcess(env: NodeJS.ProcessEnv = process.env): { origin: Promise<string>; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/http-server-child.ts"], { env });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening (\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once("exit", (code) => reject(new Error(`the server process exited with ${code}`)));
  });
  return {
    origin,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
