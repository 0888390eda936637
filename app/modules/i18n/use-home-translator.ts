import { homeMessagesEn } from "./messages.home.en";
import { homeMessagesId } from "./messages.home.id";
import { type HomeMessageKey, type PublicMessageKey, registerMessages, translatorFor, type Translator } from "./translator";
import { usePageLocale } from "./use-translator";

// Importing this module registers the home page's own messages (both languages, like the extra
// catalog's): only the home route imports it, so the other budgeted pages do not download them.
registerMessages("id", homeMessagesId);
registerMessages("en", homeMessagesEn);

/** The translator for the home page: the public catalog and the home page's messages (decision 0009). */
export function useHomeTranslator(): Translator<PublicMessageKey | HomeMessageKey> {
  return translatorFor(usePageLocale());
}
