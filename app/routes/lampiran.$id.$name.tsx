import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { fileResponse } from "~/modules/files/file-response.server";
import { readAttachment } from "~/modules/practices/attachments.server";

/** Serves an evidence file to whoever may see it (see fileResponse for how). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id && /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
  const attachment = id === null ? null : await readAttachment(id, await currentUser(request, context));
  if (!attachment) throw new Response(null, { status: 404 });
  return fileResponse({ bytes: attachment.bytes, contentType: attachment.contentType, fileName: attachment.fileName, inline: attachment.kind === "image" });
}
