import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

/** Room for the other fields and part headers around one file of the maximum size. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * A multipart form (file uploads) read into memory, each part at most `maxPartBytes`; null when a
 * part is larger, so the route can say so instead of failing. Express has already refused bodies
 * far beyond the limit (scripts/lib/http-server.ts).
 */
export async function readMultipartForm(request: Request, maxPartBytes: number): Promise<FormData | null> {
  // Decide from the declared length before reading anything: a body abandoned halfway resets
  // the connection, and the browser would show that instead of our message.
  if (Number(request.headers.get("content-length") ?? 0) > maxPartBytes + MULTIPART_OVERHEAD_BYTES) return null;
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}
