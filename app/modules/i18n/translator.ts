import { intlTag, type Locale } from "./locales";
// Types only: the catalogs are registered, so the browser downloads only the page's language.
import type { Messages, messagesId } from "./messages.id";
import type { ExtraMessages, extraMessagesId } from "./messages.extra.id";
import type { BenchmarkMessages, benchmarkMessagesId } from "./messages.benchmark.id";
import type { CompareMessages, compareMessagesId } from "./messages.compare.id";
import type { HomeMessages, homeMessagesId } from "./messages.home.id";
import type { ServerMessages, serverMessagesId } from "./messages.server.id";
import type { WorkspaceMessages, workspaceMessagesId } from "./messages.workspace.id";

/**
 * Every message key as pages write it, "namespace.key"; a message with plural forms is named
 * without its suffix ("admin.usersCount", stored as usersCount_other / usersCount_one).
 */
type KeysOf<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K extends `${infer Base}_other` ? Base : K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
/** Keys of the catalog every page has. */
export type PublicMessageKey = KeysOf<typeof messagesId>;
/** Keys a page may render in the browser: the public catalog and the signed-in workspace's (see use-workspace-translator.ts). */
export type BrowserMessageKey = PublicMessageKey | ExtraMessageKey | HomeMessageKey | BenchmarkMessageKey | CompareMessageKey | KeysOf<typeof workspaceMessagesId>;
/** Keys of public pages off the reading path (see use-extra-translator.ts). */
export type ExtraMessageKey = KeysOf<typeof extraMessagesId>;
/** Keys only the home page shows (see use-home-translator.ts). */
export type HomeMessageKey = KeysOf<typeof homeMessagesId>;
/** Keys only a region's benchmark page shows (see use-benchmark-translator.ts). */
export type BenchmarkMessageKey = KeysOf<typeof benchmarkMessagesId>;
/** Keys only the compare page shows (see use-compare-translator.ts). */
export type CompareMessageKey = KeysOf<typeof compareMessagesId>;
/** Every key, those only the server uses (charts drawn in loaders, downloads) included. */
export type MessageKey = BrowserMessageKey | KeysOf<typeof serverMessagesId>;

/** Values for a message's {{placeholders}}; `count` also chooses the plural form. */
export type MessageValues = Record<string, string | number | null | undefined> & { count?: number };

export type Translate<Key extends string = BrowserMessageKey> = (key: Key, values?: MessageValues) => string;

/** A catalog flattened to "namespace.key" → text, so a lookup is one Map read. */
type FlatCatalog = Map<string, string>;

function flatten(messages: object, prefix = "", into: FlatCatalog = new Map()): FlatCatalog {
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") into.set(`${prefix}${key}`, value);
    else flatten(value as object, `${prefix}${key}.`, into);
  }
  return into;
}

/**
 * Each language's messages, registered before its first translation: the server registers every
 * catalog of every language (translator.server.ts); the browser the page's language of the public
 * catalog (entry.client.tsx) and, on workspace pages, the workspace catalog. Registering adds to
 * what a language has, in whichever order the browser loads them.
 */
const catalogs = new Map<Locale, FlatCatalog>();

export function registerMessages(locale: Locale, messages: Messages | WorkspaceMessages | ExtraMessages | HomeMessages | BenchmarkMessages | CompareMessages | ServerMessages): void {
  let catalog = catalogs.get(locale);
  if (!catalog) catalogs.set(locale, (catalog = new Map()));
  flatten(messages, "", catalog);
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Message lookup with {{placeholder}} interpolation and CLDR plural forms (Intl.PluralRules):
 * all the site's messages need, in a few hundred bytes of browser code (decision 0009). Values
 * are inserted as text; React escapes what it renders. A missing key or value shows as written,
 * so it is visible on the page and in tests.
 */
function translate(locale: Locale): Translate<MessageKey> {
  const catalog = catalogs.get(locale);
  if (!catalog) throw new Error(`The "${locale}" messages are not registered (see registerMessages).`);
  const pluralRules = new Intl.PluralRules(intlTag(locale));
  return (key, values) => {
    const text =
      catalog.get(key) ??
      (values?.count === undefined ? undefined : (catalog.get(`${key}_${pluralRules.select(values.count)}`) ?? catalog.get(`${key}_other`)));
    if (text === undefined) return key;
    if (!values) return text;
    return text.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = values[name];
      return value === undefined || value === null ? placeholder : String(value);
    });
  };
}

export interface Translator<Key extends string = BrowserMessageKey> {
  locale: Locale;
  t: Translate<Key>;
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

/** The server's translator: every message, those only the server uses included. */
export type ServerTranslator = Translator<MessageKey>;

const translators = new Map<Locale, ServerTranslator>();

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

export function translatorFor(locale: Locale): ServerTranslator {
  let translator = translators.get(locale);
  if (!translator) {
    const tag = intlTag(locale);
    const numberFormat = memoized((options) => new Intl.NumberFormat(tag, JSON.parse(options) as Intl.NumberFormatOptions));
    const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "Asia/Jakarta" });
    const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: "short", timeStyle: "long", timeZone: "Asia/Jakarta" });
    const monthFormat = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" });
    translator = {
      locale,
      t: translate(locale),
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
