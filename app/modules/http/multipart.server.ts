import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

/**
 * A multipart form (file uploads) read into memory, each part at most `maxPartBytes`; null when a
 * part is larger, so the route can say so instead of failing. Express has already refused bodies
 * far beyond the limit (scripts/lib/http-server.ts).
 */
export async function readMultipartForm(request: Request, maxPartBytes: number): Promise<FormData | null> {
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}
