import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { intlTag, type Locale } from "./locales";
// Types only: the catalogs are registered, so the browser downloads only the page's language.
import type { Messages, messagesId } from "./messages.id";

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof messagesId };
  }
}

/**
 * Each language's messages, registered before its first translation: the server registers every
 * language (translator.server.ts), the browser only the page's (entry.client.tsx).
 */
const catalogs = new Map<Locale, Messages>();

export function registerMessages(locale: Locale, messages: Messages): void {
  catalogs.set(locale, messages);
}

const instances = new Map<Locale, I18n>();

function instanceFor(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    const messages = catalogs.get(locale);
    if (!messages) throw new Error(`The "${locale}" messages are not registered (see registerMessages).`);
    instance = i18next.createInstance();
    // The messages are already in memory, so initialisation is synchronous.
    void instance.init({
      lng: locale,
      fallbackLng: false,
      initAsync: false,
      resources: { [locale]: { translation: messages } },
      // React escapes what it renders; escaping here too would double-escape.
      interpolation: { escapeValue: false },
    });
    instances.set(locale, instance);
  }
  return instance;
}

export interface Translator {
  locale: Locale;
  t: TFunction;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** An index value with the framework's fixed decimals: 3,81 (id) / 3.81 (en). */
  formatIndex: (value: number, decimals?: number) => string;
  /** A date (or ISO string from loader data): "22 Nov 2026" / "22 Nov 2026". Times in WIB. */
  formatDate: (value: Date | string) => string;
  /** A moment to the second, for logs: "30/11/26, 19.10.36 WIB" / "30/11/2026, 19:10:36 GMT+7". */
  formatDateTime: (value: Date | string) => string;
  /** A partial date "2021" or "2021-02" as "2021" / "Februari 2021". */
  formatPartialDate: (value: string) => string;
}

const translators = new Map<Locale, Translator>();

/**
 * Intl formatters are expensive to create (tens of microseconds each; a page formats hundreds
 * of numbers), so each distinct option set is made once per locale and reused.
 */
function memoized<T>(create: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = create(key);
      made.set(key, value);
    }
    return value;
  };
}

/** Enough for every message key; a bound all the same, should a caller ever pass other text. */
const MAX_CACHED_MESSAGES = 5_000;

/**
 * i18next resolves each call anew (nesting, plurals, context), which cost about 0.8 ms of a
 * page's server time. Messages do not change while running, so a key without options is
 * resolved once per locale.
 */
function withPlainKeysCached(t: TFunction): TFunction {
  // TFunction's typed overloads cannot be spelled by a wrapper; this one forwards every call.
  const translate = t as unknown as (...args: unknown[]) => string;
  const resolved = new Map<string, string>();
  const cached = (...args: unknown[]) => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== "string") return translate(...args);
    let text = resolved.get(key);
    if (text === undefined) {
      text = translate(key);
      if (resolved.size < MAX_CACHED_MESSAGES) resolved.set(key, text);
    }
    return text;
  };
  return cached as unknown as TFunction;
}

export function translatorFor(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    const tag = intlTag(locale);
    const numberFormat = memoized((options) => new Intl.NumberFormat(tag, JSON.parse(options) as Intl.NumberFormatOptions));
    const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "Asia/Jakarta" });
    const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: "short", timeStyle: "long", timeZone: "Asia/Jakarta" });
    const monthFormat = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" });
    translator = {
      locale,
      t: withPlainKeysCached(instanceFor(locale).t),
      formatNumber: (value, options) => numberFormat(JSON.stringify(options ?? {})).format(value),
      formatIndex: (value, decimals = 2) =>
        numberFormat(JSON.stringify({ minimumFractionDigits: decimals, maximumFractionDigits: decimals })).format(value),
      formatDate: (value) => dateFormat.format(new Date(value)),
      formatDateTime: (value) => dateTimeFormat.format(new Date(value)),
      formatPartialDate: (value) => {
        const [year, month] = value.split("-").map(Number);
        if (!month) return String(year);
        return monthFormat.format(Date.UTC(year!, month - 1, 1));
      },
    };
    translators.set(locale, translator);
  }
  return translator;
}
