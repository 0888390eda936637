import { createCookie } from "@remix-run/node";
import { defaultLocale, isLocale, type Locale } from "./locales";
import type { ServerTranslator } from "./translator";
import { translatorFor } from "./translator.server";

/** Not signed: a forged value can only pick one of the supported languages. */
const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

export async function localeFromRequest(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : defaultLocale;
}

export function serializeLocaleCookie(locale: Locale): Promise<string> {
  return localeCookie.serialize(locale);
}

/** The translator for the language this request asked for (page titles and other server text). */
export async function translatorForRequest(request: Request): Promise<ServerTranslator> {
  return translatorFor(await localeFromRequest(request));
}
