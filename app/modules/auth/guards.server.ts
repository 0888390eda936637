import { type AppLoadContext, redirect } from "@remix-run/node";
import { can, type Permission } from "./permissions";
import { readSessionToken, type SessionUser, type ValidatedSession, validateSessionToken } from "./sessions.server";

/**
 * The request's session, validated once per request (the load context is per request) and
 * shared by every loader and action that asks.
 */
export function currentSession(request: Request, context: AppLoadContext): Promise<ValidatedSession | null> {
  context.session ??= (async () => {
    const token = await readSessionToken(request);
    if (!token) return null;
    const session = await validateSessionToken(token);
    if (session?.renewedCookie) context.setCookies.push(session.renewedCookie);
    return session;
  })();
  return context.session;
}

export async function currentUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  return (await currentSession(request, context))?.user ?? null;
}

/** Signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await currentUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/masuk?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** The signed-in user if they hold the permission; otherwise sign-in redirect or 403. */
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!can(user, permission)) throw new Response(null, { status: 403 });
  return user;
}
