const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Posts whose URL carries its own authority and that use no cookie: one-click unsubscribe
 * (RFC 8058), which mail providers post from their servers without Origin or Referer.
 */
const SELF_AUTHENTICATED_PATH = /^\/berhenti-langganan\/[^/]+$/;

/**
 * CSRF defence for every state-changing request: it must say it comes from a page of this
 * site (Origin, or Referer where a browser omits Origin). Requests that say neither are
 * refused too; our own forms always send at least one. "Origin: null" (sandboxed frames,
 * data: pages, some redirects) is refused whatever the Referer claims, since such a page can
 * carry any Referer. SameSite=Lax cookies are the second line.
 */
export function isAllowedRequestOrigin(request: {
  method: string;
  path?: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
}): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  if (request.path !== undefined && SELF_AUTHENTICATED_PATH.test(request.path)) return true;
  if (!request.host) return false;
  const claimed = request.origin ?? request.referer;
  if (!claimed) return false;
  try {
    return new URL(claimed).host === request.host;
  } catch {
    return false;
  }
}
