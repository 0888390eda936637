/**
 * Indonesian word forms for search (decision 0035). Meilisearch has no Indonesian stemmer, so
 * practices carry stemmed copies of their text and a query is stemmed the same way here:
 * "melayani", "pelayanan" and "layanan" all become "layan". The stemmer is Snowball's
 * rule-based Indonesian one (after Tala), without a dictionary of base words.
 */
import { stemmer } from "@orama/stemmers/indonesian";
import { INDONESIAN_STOP_WORDS } from "./search-settings";

/** Runs of letters and digits: punctuation and markup never become part of a stem. */
const WORD = /[\p{L}\p{N}]+/gu;
/** The stemmer's rules are written for plain Latin letters; other words are kept as they are. */
const STEMMABLE = /^[a-z]+$/;
const STOP_WORDS = new Set(INDONESIAN_STOP_WORDS);

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function stemWord(word: string): string {
  return STEMMABLE.test(word) ? stemmer(word) : word;
}

/** The stems of a text's words, in order (so Meilisearch's proximity rule still works on them). */
export function stemText(text: string): string {
  return words(text).map(stemWord).join(" ");
}

/**
 * The query to search the stemmed fields with: the stems of its words, base words included
 * ("arsip" finds "kearsipan"). Null when there are no words, when the reader asked for exact
 * words (a "phrase" or a -negation), or when a word's stem is a function word ("pengadaan" →
 * "ada"), which would match almost every practice.
 */
export function stemmedQuery(text: string): string | null {
  if (text.includes('"') || /(?:^|\s)-\S/.test(text)) return null;
  const original = words(text);
  const stems = original.map(stemWord);
  if (stems.length === 0 || stems.some((stem, index) => stem !== original[index] && STOP_WORDS.has(stem))) return null;
  return stems.join(" ");
}
