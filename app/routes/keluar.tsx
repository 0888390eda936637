import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { currentSession } from "~/modules/auth/guards.server";
import { clearSessionCookie, invalidateSession } from "~/modules/auth/sessions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await currentSession(request, context);
  if (session) await invalidateSession(session.sessionId);
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookie() } });
}

export function loader() {
  return redirect("/");
}
