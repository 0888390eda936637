import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
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

void catalogs[locale]().then((messages) => {
  registerMessages(locale, messages);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
