import { IndicatorPicker } from "~/components/frameworks/indicator-picker";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { APPLICATION_FUNCTIONS, APPLICATION_LIMITS, APPLICATION_TERMS } from "~/modules/applications";
import type { FrameworkGroup } from "~/modules/frameworks";
import type { FieldErrors } from "~/modules/forms/form-data";
import { validationMessage } from "~/modules/forms/validation-message";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

export interface ApplicationFormValues {
  text: Record<string, string>;
  indicatorIds: string[];
  practiceIds: string[];
}

/** Add or edit a shared application: every problem next to its field, the input kept. */
export function ApplicationForm({
  values,
  errors,
  groups,
  practices,
}: {
  values: ApplicationFormValues;
  errors: FieldErrors;
  /** SPBE 2020 by group. */
  groups: FrameworkGroup[];
  /** The owner region's published practices. */
  practices: { id: number; title: string }[];
}) {
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  const text = values.text;
  const selectedPractices = new Set(values.practiceIds);
  const fieldMessage = (field: string) => (errors[field] ? <p className="mt-1 text-sm font-medium text-red-700">{validationMessage(translator, errors[field])}</p> : null);
  return (
    <SubmitForm method="post" className="mt-6 space-y-6" noValidate>
      {errors.form ? <Alert tone="error">{validationMessage(translator, errors.form)}</Alert> : null}
      <TextField name="name" label={t("appCatalog.name")} maxLength={APPLICATION_LIMITS.name} defaultValue={text.name} error={errors.name} />
      <SelectField name="function" label={t("appCatalog.function")} defaultValue={text.function ?? ""} error={errors.function}>
        <option value="">{t("appCatalog.chooseFunction")}</option>
        {APPLICATION_FUNCTIONS.map((value) => (
          <option key={value} value={value}>
            {t(`appCatalog.functions.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField name="description" label={t("appCatalog.description")} hint={t("appCatalog.descriptionHint")} defaultValue={text.description} error={errors.description} rows={6} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("appCatalog.indicators")}</legend>
        <p className="text-sm text-slate-600">{t("appCatalog.indicatorsHint")}</p>
        {fieldMessage("indicatorIds")}
        <div className="mt-2 space-y-2">
          <IndicatorPicker groups={groups} selected={new Set(values.indicatorIds)} />
        </div>
      </fieldset>
      <TextField name="stack" label={t("appCatalog.stack")} hint={t("appCatalog.stackHint")} defaultValue={text.stack} error={errors.stack ?? errors["stack.0"]} />
      <TextField name="hosting" label={t("appCatalog.hosting")} hint={t("appCatalog.hostingHint")} maxLength={APPLICATION_LIMITS.hosting} defaultValue={text.hosting} error={errors.hosting} />
      <SelectField name="terms" label={t("appCatalog.termsLabel")} defaultValue={text.terms ?? "hibah"} error={errors.terms}>
        {APPLICATION_TERMS.map((value) => (
          <option key={value} value={value}>
            {t(`appCatalog.terms.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextField name="licence" label={t("appCatalog.licence")} hint={t("appCatalog.licenceHint")} maxLength={APPLICATION_LIMITS.licence} defaultValue={text.licence} error={errors.licence} />
      <TextAreaField name="termsNote" label={t("appCatalog.termsNote")} defaultValue={text.termsNote} error={errors.termsNote} rows={3} />
      <TextField name="documentationUrl" type="url" label={t("appCatalog.documentation")} hint={t("appCatalog.urlHint")} defaultValue={text.documentationUrl} error={errors.documentationUrl} />
      <TextField name="sourceUrl" type="url" label={t("appCatalog.source")} hint={t("appCatalog.urlHint")} defaultValue={text.sourceUrl} error={errors.sourceUrl} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("appCatalog.practices")}</legend>
        <p className="text-sm text-slate-600">{t("appCatalog.practicesHint")}</p>
        {fieldMessage("practiceIds")}
        {practices.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("appCatalog.practicesNone")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {practices.map((practice) => (
              <li key={practice.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="practiceIds" value={practice.id} defaultChecked={selectedPractices.has(String(practice.id))} className="mt-1" />
                  {practice.title}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <SubmitButton>{t("appCatalog.save")}</SubmitButton>
    </SubmitForm>
  );
}
