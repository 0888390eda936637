import type { ReactNode } from "react";
import type { FieldError } from "~/modules/forms/form-data";
import { useTranslator } from "~/modules/i18n/use-translator";
import { validationMessage } from "~/modules/forms/validation-message";
import { inputClass } from "./form-base";

// For modules that still import these from here; a page that needs no field imports form-base
// and does not download the fields.
export { Alert, inputClass, SubmitButton, SubmitForm, useFormPending } from "./form-base";

function useFieldError(error: FieldError | undefined): string | null {
  const translator = useTranslator();
  return error ? validationMessage(translator, error) : null;
}

interface FieldProps {
  name: string;
  /** Defaults to the name; give one when the same field appears several times on a page. */
  id?: string;
  label: string;
  error?: FieldError;
  hint?: string;
}

/** Label, control, hint and error wired together with ids and aria attributes. */
function Field({ name, id = name, label, error, hint, children }: FieldProps & { children: (aria: object) => ReactNode }) {
  const message = useFieldError(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, name, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  required,
  maxLength,
  ...field
}: FieldProps & { type?: string; defaultValue?: string; autoComplete?: string; required?: boolean; maxLength?: number }) {
  return (
    <Field {...field}>
      {(aria) => (
        <input
          {...aria}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          required={required}
          maxLength={maxLength}
          className={inputClass}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ defaultValue, rows = 5, ...field }: FieldProps & { defaultValue?: string; rows?: number }) {
  return (
    <Field {...field}>
      {(aria) => <textarea {...aria} defaultValue={defaultValue} rows={rows} className={inputClass} />}
    </Field>
  );
}

export function SelectField({
  defaultValue,
  children,
  ...field
}: FieldProps & { defaultValue?: string; children: ReactNode }) {
  return (
    <Field {...field}>
      {(aria) => (
        <select {...aria} defaultValue={defaultValue} className={inputClass}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A one-time link shown once, in a read-only field that is easy to select and copy. */
export function OneTimeLink({ url, label }: { url: string; label: string }) {
  return (
    <div className="mt-2">
      <label className="sr-only" htmlFor="one-time-link">
        {label}
      </label>
      <input id="one-time-link" readOnly value={url} className={`${inputClass} font-mono text-sm`} />
    </div>
  );
}

/** "New password" and "repeat it", as used wherever someone chooses a password. */
export function NewPasswordFields({ errors }: { errors: Partial<Record<string, FieldError>> }) {
  const { t } = useTranslator();
  return (
    <>
      <TextField
        name="newPassword"
        type="password"
        label={t("auth.newPassword")}
        hint={t("auth.newPasswordHint")}
        autoComplete="new-password"
        error={errors.newPassword}
        required
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("auth.confirmPassword")}
        autoComplete="new-password"
        error={errors.confirmPassword}
        required
      />
    </>
  );
}
