import { extraMessagesEn } from "./messages.extra.en";
import { extraMessagesId } from "./messages.extra.id";
import { registerMessages } from "./translator";

// Importing this module registers the catalog of public pages off the reading path; the pages
// (and workspace pages that show the same parts) import it through their translator hooks.
registerMessages("id", extraMessagesId);
registerMessages("en", extraMessagesEn);

export const messagesExtraRegistered = true;
