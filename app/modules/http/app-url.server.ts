import { serverEnv } from "../env.server";

/**
 * Absolute URL of a path on this site, for links people copy or receive by mail. APP_ORIGIN
 * (e.g. https://idsl.kemendagri.go.id) wins over the request's own origin behind a proxy.
 */
export function appUrl(request: Request, path: string): string {
  const origin = serverEnv().APP_ORIGIN ?? new URL(request.url).origin;
  return new URL(path, origin).toString();
}
