import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import type { FieldErrors } from "../forms/form-data";
import { fieldErrorsFrom } from "../forms/form-schemas.server";
import type { NumberConvention } from "../numbers/locale-number";
import type { PracticeContent, PracticeFormValues } from "./practice-content";
import { parsePracticeContent } from "./practice-content-schema.server";

/** Form values → content, with indicators checked against the framework the form offers. */
export async function validatePracticeContent(
  values: PracticeFormValues,
  convention: NumberConvention,
): Promise<{ ok: true; content: PracticeContent } | { ok: false; errors: FieldErrors }> {
  const parsed = parsePracticeContent(values, convention);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const { indicatorsById } = await getFrameworkTree(SPBE_2020);
  if (parsed.data.indicatorIds.some((id) => !indicatorsById.has(id))) {
    return { ok: false, errors: { indicatorIds: { code: "indicatorUnknown" } } };
  }
  return { ok: true, content: parsed.data };
}
