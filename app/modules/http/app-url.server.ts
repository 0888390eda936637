import { serverEnv } from "../env.server";
import { canonicalPath } from "./page-meta";

/**
 * The site's public origin: APP_ORIGIN (e.g. https://idsl.kemendagri.go.id) wins over the
 * request's own origin behind a proxy.
 */
export function appOrigin(request: Request): string {
  return new URL(serverEnv().APP_ORIGIN ?? new URL(request.url).origin).origin;
}

/** Absolute URL of a path on this site, for links people copy, share or receive by mail. */
export function appUrl(request: Request, path: string): string {
  return new URL(path, appOrigin(request)).toString();
}

/**
 * Absolute URL of a path for mail sent with no request at hand (background jobs): APP_ORIGIN,
 * or this machine's own server when it is not set.
 */
export function configuredAppUrl(path: string): string {
  const { APP_ORIGIN, PORT } = serverEnv();
  return new URL(path, APP_ORIGIN ?? `http://localhost:${PORT}`).toString();
}

/** The absolute canonical URL of the requested page (only the query in `query`), for people to share. */
export function canonicalUrl(request: Request, query: readonly string[] = []): string {
  return appUrl(request, canonicalPath(new URL(request.url), query));
}
