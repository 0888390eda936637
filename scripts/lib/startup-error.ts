/**
 * An expected start-up failure (port taken, server unreachable…). The start script prints
 * its message as one line instead of a stack trace.
 */
export class StartupError extends Error {
  override name = "StartupError";
}
