import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { readAttachment } from "~/modules/practices/attachments.server";

/**
 * Serves an evidence file to whoever may see it. The type was detected from the content at
 * upload. Images are shown inline under a sandboxing CSP; PDFs are downloaded rather than
 * opened as our origin, so nothing inside one can run with the user's session.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id && /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
  const attachment = id === null ? null : await readAttachment(id, await currentUser(request, context));
  if (!attachment) throw new Response(null, { status: 404 });
  return new Response(Buffer.from(attachment.bytes), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.byteSize),
      "Content-Disposition": `${attachment.kind === "pdf" ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=300",
    },
  });
}
