import { intlTag } from "../i18n/locales";
import type { BrowserMessageKey, PublicMessageKey, Translate, Translator } from "../i18n/translator";
import type { FieldError } from "./form-data";

/** A field error as the reader sees it, with its limits and readings written in their language. */
export function validationMessage(translator: Translator<PublicMessageKey>, error: FieldError): string {
  const { formatNumber, locale } = translator;
  // A workspace form's codes are in the workspace catalog, which the pages showing those forms
  // register (useWorkspaceTranslator); the fields that show them take the public translator.
  const t = translator.t as Translate<BrowserMessageKey>;
  const number = (value: number | undefined) => (value === undefined ? "" : formatNumber(value, { maximumFractionDigits: 20 }));
  const readings = error.readings ? new Intl.ListFormat(intlTag(locale), { type: "disjunction" }).format(error.readings.map((value) => number(value))) : "";
  return t(`validation.${error.code}`, { max: number(error.max), min: number(error.min), readings });
}
