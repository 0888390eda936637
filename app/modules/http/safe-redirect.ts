/**
 * A same-site path to redirect to after a form post, or the fallback. Rejects absolute and
 * protocol-relative URLs ("//evil.example", "/\\evil.example") so the redirect cannot leave the site.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Control characters (CR/LF…) could smuggle headers or confuse URL parsers.
  if ([...value].some((character) => character.charCodeAt(0) < 0x20)) return fallback;
  return value;
}
