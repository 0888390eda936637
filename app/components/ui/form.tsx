import type { ReactNode } from "react";
import type { FieldError } from "~/modules/forms/form-data";
import { useTranslator } from "~/modules/i18n/use-translator";
import { validationMessage } from "~/modules/forms/validation-message";

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 focus:border-brand-600 aria-[invalid=true]:border-red-700";

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

export function SubmitButton({ children, tone = "primary" }: { children: ReactNode; tone?: "primary" | "danger" | "secondary" }) {
  const tones = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-red-700 text-white hover:bg-red-800",
    secondary: "bg-white text-brand-800 ring-1 ring-brand-700 hover:bg-brand-50",
  };
  return (
    <button type="submit" className={`rounded-md px-4 py-2 font-semibold ${tones[tone]}`}>
      {children}
    </button>
  );
}

export function Alert({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  const tones = {
    error: "border-red-300 bg-red-50 text-red-900",
    success: "border-emerald-300 bg-emerald-50 text-emerald-900",
    info: "border-brand-100 bg-brand-50 text-brand-900",
  };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 ${tones[tone]}`}>
      {children}
    </div>
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
