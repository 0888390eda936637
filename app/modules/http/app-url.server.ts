import { serverEnv } from "../env.server";

/**
 * Absolute URL of a path on this site, for links people copy or receive by mail. APP_ORIGIN
 * (e.g. https://idsl.kemendagri.go.id) wins over the request's own origin behind a proxy.
 */
export function appUrl(request: Request, path: string): string {
  const origin = serverEnv().APP_ORIGIN ?? new URL(request.url).origin;
  return new URL(path, origin).toString();
}

/**
 * Absolute URL of a path for mail sent with no request at hand (background jobs): APP_ORIGIN,
 * or this machine's own server when it is not set.
 */
export function configuredAppUrl(path: string): string {
  const { APP_ORIGIN, PORT } = serverEnv();
  return new URL(path, APP_ORIGIN ?? `http://localhost:${PORT}`).toString();
}
