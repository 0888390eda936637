import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, isLocale } from "./locales";
import { translatorFor, type Translator } from "./translator";

/** The translator for the language the root loader chose for this request. */
export function useTranslator(): Translator {
  const rootData = useRouteLoaderData<{ locale?: unknown }>("root");
  return translatorFor(isLocale(rootData?.locale) ? rootData.locale : defaultLocale);
}
