import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (can(user, { action: "users.manage" })) return redirect("/admin/pengguna");
  if (can(user, { action: "invitations.manage" })) return redirect("/admin/undangan");
  throw new Response(null, { status: 403 });
}
