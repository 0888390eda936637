import type { ChildProcess } from "node:child_process";
import { errorMessage } from "../../app/modules/error-message";

/** Settles when `child` has ended, with how: "code 1", "signal SIGKILL". */
export function exitOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)));
}

/** A running service process: how it ended once it has, and how to end it. */
export interface SupervisedProcess {
  /** Settles when the process has ended, with how (e.g. "signal SIGKILL"). */
  exited: Promise<string>;
  stop: () => Promise<void>;
}

export interface BackoffOptions {
  /** First wait before a restart; it doubles after each restart up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A process that ran this long counts as healthy again: the next restart waits `minDelayMs`. */
  stableMs?: number;
}

/**
 * The waits before restarting something that keeps ending: doubling from `minDelayMs` up to
 * `maxDelayMs` (1 s up to 30 s by default), back to the first after a run of `stableMs`, so what
 * cannot start is not retried in a tight loop while a rare crash is replaced at once.
 */
export function restartBackoff({ minDelayMs = 1_000, maxDelayMs = 30_000, stableMs = 60_000 }: BackoffOptions = {}): { nextDelay: (ranForMs: number) => number } {
  let delay = minDelayMs;
  return {
    nextDelay(ranForMs) {
      if (ranForMs >= stableMs) delay = minDelayMs;
      const wait = delay;
      delay = Math.min(delay * 2, maxDelayMs);
      return wait;
    },
  };
}

export interface SupervisorOptions extends BackoffOptions {
  log: (message: string) => void;
  /**
   * Whether the whole program is stopping: Ctrl-C reaches the services too, and they end before
   * the program's own shutdown gets to `stop`; they must not be started again.
   */
  shuttingDown?: () => boolean;
}

/**
 * Keeps a service (the embedded PostgreSQL, the bundled Meilisearch) running: when its process
 * ends without being asked to, it is started again after a wait from `restartBackoff`.
 * The site keeps serving meanwhile: pages answer 503 without the database, fall back without search.
 */
export function supervise<T extends SupervisedProcess>(
  name: string,
  first: T,
  start: () => Promise<T>,
  { log, shuttingDown = () => false, ...backoffOptions }: SupervisorOptions,
): { stop: () => Promise<void> } {
  let current = first;
  let stopped = false;
  const stopping = () => stopped || shuttingDown();
  /** A restart under way, which a stop waits for, to stop what it started. */
  let starting: Promise<unknown> = Promise.resolve();
  let wake: () => void = () => {};
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = async () => {
    const backoff = restartBackoff(backoffOptions);
    let startedAt = Date.now();
    while (!stopping()) {
      const how = await current.exited;
      if (stopping()) return;
      const delay = backoff.nextDelay(Date.now() - startedAt);
      log(`${name} ended (${how}); starting it again in ${delay / 1000} s`);
      await pause(delay);
      if (stopping()) return;
      starting = start().then(
        (started) => {
          current = started;
          startedAt = Date.now();
          log(`${name} running again`);
        },
        // `current.exited` has settled already: the loop waits the longer delay and tries again.
        (error: unknown) => log(`${name} did not start: ${errorMessage(error)}`),
      );
      await starting;
    }
  };
  void watch();

  return {
    stop: async () => {
      stopped = true;
      wake();
      await starting;
      await current.stop();
    },
  };
}
