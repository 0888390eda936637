import { messagesExtraRegistered } from "./register-extra-messages";
import { type BrowserMessageKey, registerMessages, translatorFor, type Translator } from "./translator";
import { workspaceMessagesEn } from "./messages.workspace.en";
import { workspaceMessagesId } from "./messages.workspace.id";
import { usePageLocale } from "./use-translator";

// Importing this module (through the hook) puts the workspace catalog in the chunks of the pages
// that use it, and only those: public pages never download it. Both languages come with it, as
// a page's modules load before it renders and cannot wait for one language's file (decision 0009).
registerMessages("id", workspaceMessagesId);
registerMessages("en", workspaceMessagesEn);

/** The translator with every message, for the signed-in workspace's pages and components. */
export function useWorkspaceTranslator(): Translator<BrowserMessageKey> {
  // Workspace pages show parts of the pages off the reading path too (a framework's changes).
  void messagesExtraRegistered;
  return translatorFor(usePageLocale());
}
