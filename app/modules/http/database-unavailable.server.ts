import { QUERY_DEADLINE_CODE } from "../../../db/client";

/**
 * Tells a database outage (nothing a retry in a moment would not fix) from a bug: an outage is
 * answered with 503 and Retry-After, a bug stays a 500.
 */

/** How long clients are asked to wait before retrying during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 30;

/** postgres.js's own codes for a connection that could not be made or was lost, and our client's deadline (db/client.ts). */
const CLIENT_CODES = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", QUERY_DEADLINE_CODE]);

/** Node's socket errors for a server that is down, unreachable or went away. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57014 (query canceled: the statement
 * timeout), 57P01–57P03 (shut down by an administrator, crashed, not accepting connections yet),
 * 53300 (too many connections).
 */
function isOutageState(code: string): boolean {
  return code.startsWith("08") || ["57014", "57P01", "57P02", "57P03", "53300"].includes(code);
}

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function isOutage(error: unknown, depth: number): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const code = codeOf(error);
  if (code && (CLIENT_CODES.has(code) || SOCKET_CODES.has(code) || isOutageState(code))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isOutage(inner, depth + 1))) return true;
  return isOutage((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * Whether `error`, or what it wraps (drizzle puts the driver's error in `cause`; a refused
 * connection to a name with several addresses is an AggregateError), is a database outage.
 * Another service's socket error (storage, mail) counts too: retrying later is right for it as well.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isOutage(error, 0);
}
