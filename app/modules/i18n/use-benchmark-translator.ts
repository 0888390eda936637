import { benchmarkMessagesEn } from "./messages.benchmark.en";
import { benchmarkMessagesId } from "./messages.benchmark.id";
import { pageTranslatorHook } from "./page-catalog";
import type { BenchmarkMessageKey } from "./translator";

/** A region's benchmark page's translator: the public catalog and the page's own messages. */
export const useBenchmarkTranslator = pageTranslatorHook<BenchmarkMessageKey>(benchmarkMessagesId, benchmarkMessagesEn);
