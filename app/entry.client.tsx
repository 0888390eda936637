import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { REQUEST_ID_ATTRIBUTE, RequestIdProvider } from "./components/request-id";
import { defaultLocale, isLocale, type Locale } from "./modules/i18n/locales";
import type { Messages } from "./modules/i18n/messages.id";
import { registerMessages } from "./modules/i18n/translator";

/**
 * Each catalog is its own chunk and the browser downloads only the page's language (the root
 * sets `<html lang>`); switching language reloads the page (language-switcher.tsx).
 */
const catalogs: Record<Locale, () => Promise<Messages>> = {
  id: () => import("./modules/i18n/messages.id").then((module) => module.messagesId),
  en: () => import("./modules/i18n/messages.en").then((module) => module.messagesEn),
};

const lang = document.documentElement.lang;
const locale = isLocale(lang) ? lang : defaultLocale;
// An error page shows the id of the request that rendered it; hydration must render it too.
const requestId = document.querySelector(`[${REQUEST_ID_ATTRIBUTE}]`)?.getAttribute(REQUEST_ID_ATTRIBUTE);
const documentRequest = requestId ? { id: requestId, path: `${window.location.pathname}${window.location.search}` } : null;

void catalogs[locale]().then((messages) => {
  registerMessages(locale, messages);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RequestIdProvider value={documentRequest}>
          <RemixBrowser />
        </RequestIdProvider>
      </StrictMode>,
    );
  });
});
