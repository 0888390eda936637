/**
 * An error's message followed by those of its causes, for one-line logs: the Meilisearch
 * client, for one, reports "Request to … has failed" and keeps Meilisearch's own message
 * ("The provided API key is invalid.") in the cause.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const messages = [error.message];
  for (let cause = error.cause; cause instanceof Error && messages.length < 5; cause = cause.cause) messages.push(cause.message);
  return messages.join(": ");
}
