import { compareMessagesEn } from "./messages.compare.en";
import { compareMessagesId } from "./messages.compare.id";
import { pageTranslatorHook } from "./page-catalog";
import type { CompareMessageKey } from "./translator";

/** The compare page's translator: the public catalog and the page's own messages. */
export const useCompareTranslator = pageTranslatorHook<CompareMessageKey>(compareMessagesId, compareMessagesEn);
