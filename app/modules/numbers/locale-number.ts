import { NumberParser } from "@internationalized/number";

/**
 * How a number is written: Indonesian ("1.200,5": dot groups thousands, comma marks decimals)
 * or international/English ("1,200.5"). The same text can mean different numbers in each:
 * "1.200" is one thousand two hundred in Indonesian and 1.2 in English.
 */
export type NumberConvention = "id" | "en";

const LOCALE_TAG: Record<NumberConvention, string> = { id: "id-ID", en: "en-US" };
const DECIMAL_MARK: Record<NumberConvention, string> = { id: ",", en: "." };
const OTHER: Record<NumberConvention, NumberConvention> = { id: "en", en: "id" };

/** What a field accepts; a reading that breaks these is not a plausible reading of the text. */
export interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Most digits after the decimal mark (an SPBE index has two). */
  maxDecimals?: number;
}

/**
 * - ambiguous: two plausible readings ("1.200" in a file of unknown convention: 1200 or 1.2)
 * - wrongMark: written against the expected convention where a mistyped thousands figure is as
 *   plausible as the decimal ("1.5" on an Indonesian form)
 */
export type NumberProblem = "invalid" | "ambiguous" | "wrongMark" | "outOfRange" | "notInteger" | "tooPrecise";

export type ParsedNumber =
  | {
      ok: true;
      value: number;
      /** Digits after the decimal mark as written ("3,7" has 1), so a value can be shown as printed. */
      decimals: number;
      /** The convention the text can only be read in, or null when it reads the same in both ("3", "1200"). */
      writtenIn: NumberConvention | null;
    }
  | {
      ok: false;
      problem: NumberProblem;
      /** For "ambiguous" and "wrongMark": the plausible values, for the message. */
      readings?: number[];
    };

interface Reading {
  value: number;
  /** Digits after the decimal mark as written. */
  decimals: number;
  /** The same without trailing zeros: "3,620" is no more precise than "3,62". */
  significantDecimals: number;
}

const parsers = new Map<NumberConvention, NumberParser>();
const formats = new Map<string, Intl.NumberFormat>();

function parserFor(convention: NumberConvention): NumberParser {
  let parser = parsers.get(convention);
  if (!parser) parsers.set(convention, (parser = new NumberParser(LOCALE_TAG[convention], { maximumFractionDigits: 20 })));
  return parser;
}

function formatFor(convention: NumberConvention, decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${convention}:${decimals}:${grouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAG[convention], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    formats.set(key, format);
  }
  return format;
}

/**
 * The text read strictly in one convention, or null. NumberParser knows each locale's marks but
 * is lenient about grouping (it reads "1.5" as 15 in Indonesian), so a reading only counts when
 * the locale's own formatter writes the value back exactly as typed, with or without grouping.
 */
function readIn(text: string, convention: NumberConvention): Reading | null {
  const value = parserFor(convention).parse(text);
  if (!Number.isFinite(value)) return null;
  const mark = text.lastIndexOf(DECIMAL_MARK[convention]);
  const decimals = mark < 0 ? 0 : text.length - mark - 1;
  if (decimals > 20) return null;
  const written = [formatFor(convention, decimals, true).format(value), formatFor(convention, decimals, false).format(value)];
  if (!written.includes(text)) return null;
  const fraction = mark < 0 ? "" : text.slice(mark + 1);
  return { value, decimals, significantDecimals: fraction.replace(/0+$/, "").length };
}

function problemWith(reading: Reading, rules: NumberRules): NumberProblem | null {
  if (rules.integer && !Number.isInteger(reading.value)) return "notInteger";
  if (rules.maxDecimals !== undefined && reading.significantDecimals > rules.maxDecimals) return "tooPrecise";
  if ((rules.min !== undefined && reading.value < rules.min) || (rules.max !== undefined && reading.value > rules.max)) return "outOfRange";
  return null;
}

/** Unicode minus, no-break and thin spaces (as Word and Excel paste them) to their plain forms. */
function normalize(text: string): string {
  return text
    .trim()
    .replace(/[\u2212\u2012\u2013]/g, "-")
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .replace(/(\d) (?=\d{3}\b)/g, "$1");
}

/**
 * One number typed or pasted by a person, read the Indonesian way, the English way, or both.
 *
 * - `convention` is what the reader expects (the page's language, or what the rest of a file
 *   uses); null when nothing is known.
 * - Text that fits only one convention is read in it ("3,62", "1.200.000", "1,200.5") — unless
 *   it breaks the expected convention and another reading is just as plausible for the field:
 *   "1.5" on an Indonesian form could be 1,5 or a mistyped 1.500, so the person is asked.
 * - Text that fits both ("1.200") is read in the expected convention; with none expected, the
 *   field's rules decide (an index of 0–5 can be 1,2 but not 1.200), else the person is asked.
 */
export function parseLocaleNumber(raw: string, convention: NumberConvention | null, rules: NumberRules = {}): ParsedNumber {
  const text = normalize(raw);
  if (text === "") return { ok: false, problem: "invalid" };
  const readings = { id: readIn(text, "id"), en: readIn(text, "en") };
  const accept = (reading: Reading, writtenIn: NumberConvention | null): ParsedNumber => {
    const problem = problemWith(reading, rules);
    return problem ? { ok: false, problem } : { ok: true, value: reading.value, decimals: reading.decimals, writtenIn };
  };
  const ambiguous = (...values: number[]): ParsedNumber => ({ ok: false, problem: "ambiguous", readings: values });
  const fits = (reading: Reading | null): boolean => reading !== null && problemWith(reading, rules) === null;

  const { id, en } = readings;
  if (!id && !en) return { ok: false, problem: "invalid" };
  if (id && en && id.value === en.value) return accept(id, null);
  if (id && en) {
    // "1.200": thousands in one convention, a decimal in the other.
    if (convention) {
      const expected = readings[convention]!;
      const other = readings[OTHER[convention]]!;
      if (!fits(expected) && fits(other)) return ambiguous(expected.value, other.value);
      return accept(expected, convention);
    }
    if (fits(id) && fits(en)) return ambiguous(id.value, en.value);
    if (fits(en)) return accept(en, "en");
    return accept(id, "id");
  }
  const [only, onlyIn] = id ? ([id, "id"] as const) : ([en!, "en"] as const);
  if (convention && onlyIn !== convention && !(text.includes(".") && text.includes(","))) {
    // Written against the expected convention with a single kind of mark, which groups
    // thousands there: a mistyped thousands figure (the digits alone) is as plausible.
    const digitsOnly = Number(text.replace(/[.,]/g, ""));
    if (fits(only) && fits({ value: digitsOnly, decimals: 0, significantDecimals: 0 }) && digitsOnly !== only.value) return { ok: false, problem: "wrongMark", readings: [only.value] };
  }
  return accept(only, onlyIn);
}

/**
 * The convention a set of cells is written in (a spreadsheet column, a whole file): the one
 * some cells can only be read in, when no cell contradicts it; null when the cells give no
 * clue or disagree with each other.
 */
export function detectNumberConvention(texts: Iterable<string>): NumberConvention | null {
  let onlyId = 0;
  let onlyEn = 0;
  for (const raw of texts) {
    const text = normalize(raw);
    if (text === "") continue;
    const id = readIn(text, "id");
    const en = readIn(text, "en");
    if (id && !en) onlyId++;
    else if (en && !id) onlyEn++;
  }
  if (onlyId > 0 && onlyEn === 0) return "id";
  if (onlyEn > 0 && onlyId === 0) return "en";
  return null;
}
