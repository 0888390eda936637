import { intlTag } from "../i18n/locales";
import type { PublicMessageKey, Translator } from "../i18n/translator";
import type { FieldError } from "./form-data";

/** A field error as the reader sees it, with its limits and readings written in their language. */
export function validationMessage(translator: Translator<PublicMessageKey>, error: FieldError): string {
  const { t, formatNumber, locale } = translator;
  const number = (value: number | undefined) => (value === undefined ? "" : formatNumber(value, { maximumFractionDigits: 20 }));
  const readings = error.readings ? new Intl.ListFormat(intlTag(locale), { type: "disjunction" }).format(error.readings.map((value) => number(value))) : "";
  return t(`validation.${error.code}`, { max: number(error.max), min: number(error.min), readings });
}
