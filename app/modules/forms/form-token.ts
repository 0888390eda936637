/**
 * The one-time token a form carries in a hidden field, so that the server can tell a replay of
 * the same submission (a double click, a browser resending the POST) from a new one. A new token
 * comes with every page the root loader renders for a signed-in user (also after each action), so
 * a form sent again after success carries a new one. Browser-safe: the form component renders it.
 */
export const FORM_TOKEN_FIELD = "submissionToken";

/** 160 random bits in lower-case base32, as the server makes them. */
const FORM_TOKEN = /^[a-z2-7]{32}$/;

/** The token a form sent, or null when it sent none (an older page, a script) or not a token. */
export function readFormToken(form: FormData): string | null {
  const value = form.get(FORM_TOKEN_FIELD);
  return typeof value === "string" && FORM_TOKEN.test(value) ? value : null;
}
