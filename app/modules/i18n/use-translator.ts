import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, isLocale, type Locale } from "./locales";
import { type PublicMessageKey, translatorFor, type Translator } from "./translator";

/** The language the root loader chose for this request. */
export function usePageLocale(): Locale {
  const rootData = useRouteLoaderData<{ locale?: unknown }>("root");
  return isLocale(rootData?.locale) ? rootData.locale : defaultLocale;
}

/**
 * The translator for the page's language, limited to the catalog every page downloads. Workspace
 * pages use useWorkspaceTranslator for their own messages.
 */
export function useTranslator(): Translator<PublicMessageKey> {
  return translatorFor(usePageLocale());
}
