import { type ActionFunctionArgs, data } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { renderMarkdown } from "~/modules/practices/markdown.server";
import { MAX_BODY_LENGTH } from "~/modules/practices/practice-content";
import { readForm } from "~/modules/http/request-input";

/** Live preview for the practice editor: the same renderer as the published page. */
export async function action({ request, context }: ActionFunctionArgs) {
  await requirePermission(request, context, { action: "practice.workspace" });
  const body = (await readForm(request)).get("body");
  if (typeof body !== "string" || body.length > MAX_BODY_LENGTH) return data({ html: "" }, { status: 400 });
  return { html: renderMarkdown(body) };
}
