import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { openNotification } from "~/modules/notifications/inbox.server";

/**
 * Opening a notification: marks it read and goes to what it is about. Only the recipient's own
 * notification opens; any other id is a 404. The stored link is a path on this site (a check
 * constraint), so this never redirects elsewhere.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "account.use" });
  const id = /^\d{1,15}$/.test(params.id ?? "") ? Number(params.id) : null;
  const link = id === null ? null : await openNotification(user.id, id);
  if (!link) throw new Response(null, { status: 404 });
  return redirect(link);
}
