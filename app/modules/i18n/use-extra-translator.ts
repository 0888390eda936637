import { messagesExtraRegistered } from "./register-extra-messages";
import { type ExtraMessageKey, type PublicMessageKey, translatorFor, type Translator } from "./translator";
import { usePageLocale } from "./use-translator";

/**
 * The translator for public pages off the reading path (a framework's page, writing to a region
 * through IDSL, unsubscribing): importing this hook puts their catalog, both languages, in those
 * pages' chunks only (decision 0009).
 */
export function useExtraTranslator(): Translator<PublicMessageKey | ExtraMessageKey> {
  void messagesExtraRegistered;
  return translatorFor(usePageLocale());
}
