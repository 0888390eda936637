import { homeMessagesEn } from "./messages.home.en";
import { homeMessagesId } from "./messages.home.id";
import { pageTranslatorHook } from "./page-catalog";
import type { HomeMessageKey } from "./translator";

/** The home page's translator: the public catalog and the home page's own messages. */
export const useHomeTranslator = pageTranslatorHook<HomeMessageKey>(homeMessagesId, homeMessagesEn);
