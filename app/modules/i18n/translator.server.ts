import { messagesEn } from "./messages.en";
import { extraMessagesEn } from "./messages.extra.en";
import { extraMessagesId } from "./messages.extra.id";
import { benchmarkMessagesEn } from "./messages.benchmark.en";
import { benchmarkMessagesId } from "./messages.benchmark.id";
import { compareMessagesEn } from "./messages.compare.en";
import { compareMessagesId } from "./messages.compare.id";
import { homeMessagesEn } from "./messages.home.en";
import { homeMessagesId } from "./messages.home.id";
import { messagesId } from "./messages.id";
import { serverMessagesEn } from "./messages.server.en";
import { serverMessagesId } from "./messages.server.id";
import { workspaceMessagesEn } from "./messages.workspace.en";
import { workspaceMessagesId } from "./messages.workspace.id";
import { registerMessages } from "./translator";

// The server answers in every language, so it holds every catalog; importing translatorFor from
// here guarantees they are registered (the root loader's locale.server.ts does, so pages rendered
// on the server always have them).
registerMessages("id", messagesId);
registerMessages("en", messagesEn);
registerMessages("id", workspaceMessagesId);
registerMessages("en", workspaceMessagesEn);
registerMessages("id", extraMessagesId);
registerMessages("en", extraMessagesEn);
registerMessages("id", homeMessagesId);
registerMessages("en", homeMessagesEn);
registerMessages("id", benchmarkMessagesId);
registerMessages("en", benchmarkMessagesEn);
registerMessages("id", compareMessagesId);
registerMessages("en", compareMessagesEn);
registerMessages("id", serverMessagesId);
registerMessages("en", serverMessagesEn);

export { translatorFor } from "./translator";
