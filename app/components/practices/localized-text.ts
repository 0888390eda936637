import { usePageLocale } from "~/modules/i18n/use-translator";

/** Title and summary in the reader's language when the region gave an English version. */
export function useLocalizedText() {
  const locale = usePageLocale();
  return (indonesian: string, english: string) =>
    locale === "en" && english ? { text: english, lang: "en" } : { text: indonesian, lang: "id" };
}
