import { describe, expect, it } from "vitest";
import { restartBackoff, supervise, type SupervisedProcess } from "./supervisor";

/** A stand-in process that ends when `crash` or `stop` is called. */
function fakeProcess(id: number) {
  let end: (how: string) => void = () => {};
  const exited = new Promise<string>((resolve) => {
    end = resolve;
  });
  let stopped = false;
  return {
    id,
    exited,
    crash: () => end("signal SIGKILL"),
    stop: async () => {
      stopped = true;
      end("stopped");
    },
    get stopped() {
      return stopped;
    },
  } satisfies SupervisedProcess & Record<string, unknown>;
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("supervise", () => {
  it("starts a process that ended again, waiting longer after each restart, and logs it", async () => {
    const started = [fakeProcess(0)];
    const lines: string[] = [];
    const supervisor = supervise(
      "fake service",
      started[0]!,
      async () => {
        const next = fakeProcess(started.length);
        started.push(next);
        return next;
      },
      { log: (line) => lines.push(line), minDelayMs: 200, maxDelayMs: 1_000 },
    );
    started[0]!.crash();
    await tick(400);
    expect(started).toHaveLength(2);
    started[1]!.crash();
    await tick(200);
    // The second restart waits twice as long: not yet.
    expect(started).toHaveLength(2);
    await tick(500);
    expect(started).toHaveLength(3);
    expect(lines).toEqual([
      "fake service ended (signal SIGKILL); starting it again in 0.2 s",
      "fake service running again",
      "fake service ended (signal SIGKILL); starting it again in 0.4 s",
      "fake service running again",
    ]);

    await supervisor.stop();
    expect(started[2]!.stopped).toBe(true);
    await tick(500);
    // A stop is not a crash: nothing is started again.
    expect(started).toHaveLength(3);
  });

  it("keeps trying when a restart fails", async () => {
    const first = fakeProcess(0);
    const lines: string[] = [];
    let attempts = 0;
    const supervisor = supervise(
      "fake service",
      first,
      async () => {
        attempts += 1;
        if (attempts < 3) throw new Error("port in use");
        return fakeProcess(attempts);
      },
      { log: (line) => lines.push(line), minDelayMs: 10, maxDelayMs: 40 },
    );
    first.crash();
    await tick(600);
    expect(attempts).toBe(3);
    expect(lines.filter((line) => line.includes("did not start: port in use"))).toHaveLength(2);
    expect(lines.at(-1)).toBe("fake service running again");
    await supervisor.stop();
  });

  it("does not start anything again while the program shuts down", async () => {
    const first = fakeProcess(0);
    let attempts = 0;
    const supervisor = supervise("fake service", first, async () => fakeProcess(++attempts), { log: () => {}, minDelayMs: 10, shuttingDown: () => true });
    first.crash();
    await tick(200);
    expect(attempts).toBe(0);
    await supervisor.stop();
  });

  it("stops a process that never crashed", async () => {
    const first = fakeProcess(0);
    const supervisor = supervise("fake service", first, () => Promise.reject(new Error("not called")), { log: () => {} });
    await supervisor.stop();
    expect(first.stopped).toBe(true);
  });
});

describe("restartBackoff", () => {
  it("doubles the wait after each quick end, up to the maximum, and starts over after a stable run", () => {
    const backoff = restartBackoff({ minDelayMs: 500, maxDelayMs: 3_000, stableMs: 60_000 });
    expect([100, 100, 100, 100, 100].map((ranForMs) => backoff.nextDelay(ranForMs))).toEqual([500, 1_000, 2_000, 3_000, 3_000]);
    expect(backoff.nextDelay(60_000)).toBe(500);
    expect(backoff.nextDelay(10)).toBe(1_000);
  });
});
