/**
 * A stored file as the browser receives it: the type detected at upload and a sandboxing
 * Content-Security-Policy (the HTTP server leaves its page policy off these paths, and adds
 * nosniff and the other security headers once). Images are shown inline; PDFs are downloaded
 * rather than opened as our origin, so nothing inside one runs with the user's session.
 */
export function fileResponse(file: { bytes: Uint8Array; contentType: string; fileName: string; inline: boolean }): Response {
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `${file.inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "Cache-Control": "private, max-age=300",
    },
  });
}

/** Paths of the routes that answer with fileResponse. */
export const FILE_PATHS = /^\/(lampiran|laporan-evaluasi)\//;
