import type { EditProblem } from "~/modules/frameworks";
import type { FieldErrors } from "~/modules/forms/form-data";
import { validationMessage } from "~/modules/forms/validation-message";
import type { Translator } from "~/modules/i18n/translator";

/** What the framework editor's server check says about one field, or null: a text or number error, or a problem of the definition. */
export function frameworkEditMessage(translator: Translator, errors: FieldErrors, problems: readonly EditProblem[], field: string): string | null {
  const error = errors[field];
  if (error) return validationMessage(translator, error);
  const problem = problems.find((candidate) => candidate.field === field);
  if (!problem) return null;
  const { code, field: _field, ...params } = problem;
  const written = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(", ") : typeof value === "number" ? translator.formatNumber(value, { maximumFractionDigits: 3 }) : String(value),
    ]),
  );
  return translator.t(`frameworkEditor.problem.${code}`, written);
}
