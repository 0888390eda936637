import { type MessageKey, type PublicMessageKey, registerMessages, translatorFor, type Translator } from "./translator";
import { usePageLocale } from "./use-translator";

type PageCatalog = Parameters<typeof registerMessages>[1];

/**
 * A translator hook for one page with messages of its own (decision 0009): calling this at a
 * hook module's top level registers that page's catalog, both languages (modules load before the
 * page renders and cannot wait for a file chosen by language), so only the page importing the
 * hook downloads it.
 */
export function pageTranslatorHook<Key extends MessageKey>(id: PageCatalog, en: PageCatalog): () => Translator<PublicMessageKey | Key> {
  registerMessages("id", id);
  registerMessages("en", en);
  return () => translatorFor(usePageLocale());
}
