/**
 * The site's structured log (decision 0030): one JSON object per line on standard output, with
 * the request id of the request being served on every line written while serving it.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger } from "pino";

export interface RequestContext {
  requestId: string;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Kept on globalThis: the start script and the server build each hold a copy of this module in
 * one process, and a line written by the build's code must see the request the script's HTTP
 * middleware entered.
 */
const processWide = globalThis as typeof globalThis & { idslRequestContext?: AsyncLocalStorage<RequestContext>; idslLog?: Logger };

export const requestContext = (processWide.idslRequestContext ??= new AsyncLocalStorage<RequestContext>());

function isLogLevel(value: string | undefined): value is LogLevel {
  return LOG_LEVELS.some((level) => level === value);
}

/**
 * LOG_LEVEL (default info; silent under vitest, so test output shows only the tests). A wrong
 * LOG_LEVEL is reported by name by the settings check (env.server.ts), not here at import.
 * Pretty, coloured lines only when asked for with LOG_FORMAT=pretty.
 */
function createLog(env: NodeJS.ProcessEnv): Logger {
  const level = isLogLevel(env.LOG_LEVEL) ? env.LOG_LEVEL : env.VITEST ? "silent" : "info";
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const context = requestContext.getStore();
        return context ? { requestId: context.requestId } : {};
      },
      ...(env.LOG_FORMAT === "pretty" ? { transport: { target: "pino-pretty" } } : {}),
    },
    // process.stdout rather than pino's own file descriptor writer: lines from every module copy
    // and from console.* (bench, CLI output) stay in order.
    env.LOG_FORMAT === "pretty" ? undefined : process.stdout,
  );
}

export const log: Logger = (processWide.idslLog ??= createLog(process.env));
