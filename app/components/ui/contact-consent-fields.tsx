import type { ReactNode } from "react";
import type { FieldErrors } from "~/modules/forms/form-data";
import { validationMessage } from "~/modules/forms/validation-message";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { TextField } from "./form";

/**
 * A contact person with the consent it needs (UU 27/2022): the `contact` field, the
 * `contactConsent` checkbox described by the purpose note beside it, its message when not ticked,
 * and what is already recorded (`recorded`). Practices and study visits take contacts this way.
 */
export function ContactConsentFields({
  values,
  errors,
  text,
  purposeId,
  recorded,
  className = "",
}: {
  values: Record<string, string>;
  errors: FieldErrors;
  text: { label: string; hint: string; consent: string; purposeHeading: string; purpose: string };
  /** Unique on the page: the checkbox is described by the purpose note. */
  purposeId: string;
  recorded?: ReactNode;
  className?: string;
}) {
  const translator = useWorkspaceTranslator();
  const consentError = errors.contactConsent ? validationMessage(translator, errors.contactConsent) : null;
  return (
    <div className={`space-y-3 md:grid md:grid-cols-2 md:gap-4 md:space-y-0 ${className}`}>
      <div className="space-y-3">
        <TextField name="contact" label={text.label} hint={text.hint} defaultValue={values.contact} error={errors.contact} />
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="contactConsent"
              defaultChecked={values.contactConsent === "on"}
              aria-invalid={consentError ? true : undefined}
              aria-describedby={`${purposeId}${consentError ? " contactConsent-error" : ""}`}
              className="mt-1"
            />
            <span>{text.consent}</span>
          </label>
          {consentError ? (
            <p id="contactConsent-error" className="mt-1 text-sm font-medium text-red-700">
              {consentError}
            </p>
          ) : null}
          {recorded ? <p className="mt-1 text-sm text-slate-600">{recorded}</p> : null}
        </div>
      </div>
      <aside id={purposeId} className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
        <p className="font-semibold">{text.purposeHeading}</p>
        <p className="mt-1">{text.purpose}</p>
      </aside>
    </div>
  );
}
