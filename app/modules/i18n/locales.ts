export const locales = ["id", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "id";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** BCP 47 tags used for Intl formatting (3,81 in Indonesian, 3.81 in English). */
const intlTags: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

export function intlTag(locale: Locale): string {
  return intlTags[locale];
}
