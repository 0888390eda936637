import { useFetcher } from "@remix-run/react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { ProvinceRegions } from "~/components/region-select";
import { RegionSelect } from "~/components/region-select";
import { ContactConsentFields } from "~/components/ui/contact-consent-fields";
import { Alert, inputClass, SelectField, SubmitButton, SubmitForm, TextAreaField, TextField } from "~/components/ui/form";
import { IndicatorPicker } from "~/components/frameworks/indicator-picker";
import type { FrameworkGroup } from "~/modules/frameworks";
import type { FieldErrors } from "~/modules/forms/form-data";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { validationMessage } from "~/modules/forms/validation-message";
import type { VisibleContact } from "~/modules/practices/contact";
import {
  MAX_BODY_LENGTH,
  METRIC_FIELDS,
  metricInputName,
  PRACTICE_STAGES,
  type PracticeFormValues,
} from "~/modules/practices/practice-content";

/** Spare empty outcome rows offered below the filled ones. */
const SPARE_METRIC_ROWS = 2;
const PREVIEW_DELAY_MS = 400;

export interface PracticeFormProps {
  values: PracticeFormValues;
  errors: FieldErrors;
  /** The revision number the edit is based on (0 for a new practice). */
  version: number;
  /** The framework the practice is tagged with, by group. */
  groups: FrameworkGroup[];
  /** Server-rendered preview of the body (the "Preview" button without JavaScript). */
  previewHtml: string | null;
  /** Curators and admins choose the region a new practice belongs to. */
  regionChoice?: { groups: ProvinceRegions[]; selected: string };
  notice?: ReactNode;
  /** Editing: the consent recorded for the saved contact (null: none yet); absent for a new practice or no contact. */
  savedContactConsent?: VisibleContact["consent"];
}

function useMessage(errors: FieldErrors) {
  const translator = useWorkspaceTranslator();
  return (field: string) => {
    const error = errors[field];
    return error ? validationMessage(translator, error) : null;
  };
}

/** The practice editor: structured fields, Markdown body with live preview, save or submit. */
export function PracticeForm({ values, errors, version, groups, previewHtml, regionChoice, notice, savedContactConsent }: PracticeFormProps) {
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  const message = useMessage(errors);
  const text = values.text;
  const hasErrors = Object.keys(errors).length > 0;
  const selectedIndicators = new Set(values.indicatorIds);
  const metricRows = [...values.metrics, ...Array.from({ length: SPARE_METRIC_ROWS }, () => emptyMetricRow())];

  return (
    <SubmitForm method="post" className="mt-6 space-y-8" noValidate>
      {notice}
      {hasErrors ? <Alert tone="error">{t("validation.formHasErrors")}</Alert> : null}
      <input type="hidden" name="version" value={version} />

      <Section title={t("practiceForm.identity")}>
        {regionChoice ? (
          <RegionSelect
            name="regionCode"
            label={t("practiceForm.region")}
            emptyLabel={t("practiceForm.chooseRegion")}
            groups={regionChoice.groups}
            defaultValue={regionChoice.selected}
            error={errors.regionCode}
          />
        ) : null}
        <TextField name="title" label={t("practiceForm.title")} defaultValue={text.title} error={errors.title} maxLength={160} required />
        <TextAreaField
          name="summary"
          label={t("practiceForm.summary")}
          hint={t("practiceForm.summaryHint")}
          defaultValue={text.summary}
          error={errors.summary}
          rows={4}
        />
        <div className="grid gap-4 md:grid-cols-2">
          <TextField name="titleEn" label={t("practiceForm.titleEn")} defaultValue={text.titleEn} error={errors.titleEn} maxLength={160} />
          <TextAreaField name="summaryEn" label={t("practiceForm.summaryEn")} defaultValue={text.summaryEn} error={errors.summaryEn} rows={3} />
        </div>
      </Section>

      <Section title={t("practiceForm.content")}>
        <MarkdownBody defaultValue={text.body ?? ""} error={message("body")} previewHtml={previewHtml} />
      </Section>

      <Section title={t("practiceForm.implementation")}>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField name="leadOpd" label={t("practiceForm.leadOpd")} hint={t("practiceForm.leadOpdHint")} defaultValue={text.leadOpd} error={errors.leadOpd} />
          <ContactFields values={text} errors={errors} savedConsent={savedContactConsent} />
          <TextAreaField name="partners" label={t("practiceForm.partners")} hint={t("practiceForm.onePerLine")} defaultValue={text.partners} error={errors.partners} rows={3} />
          <SelectField name="stage" label={t("practiceForm.stage")} defaultValue={text.stage || "penerapan"} error={errors.stage}>
            {PRACTICE_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`practiceStage.${stage}`)}
              </option>
            ))}
          </SelectField>
          <TextField name="startedOn" label={t("practiceForm.startedOn")} hint={t("practiceForm.partialDateHint")} defaultValue={text.startedOn} error={errors.startedOn} />
          <TextField name="implementedOn" label={t("practiceForm.implementedOn")} hint={t("practiceForm.partialDateHint")} defaultValue={text.implementedOn} error={errors.implementedOn} />
          <TextField name="legalBasis" label={t("practiceForm.legalBasis")} hint={t("practiceForm.legalBasisHint")} defaultValue={text.legalBasis} error={errors.legalBasis} />
          <TextField name="budgetSource" label={t("practiceForm.budgetSource")} hint={t("practiceForm.budgetSourceHint")} defaultValue={text.budgetSource} error={errors.budgetSource} />
        </div>
        <fieldset className="rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium">{t("practiceForm.runningStatus")}</legend>
          <div className="flex flex-wrap gap-6">
            {(["active", "stopped"] as const).map((status) => (
              <label key={status} className="flex items-center gap-2">
                <input type="radio" name="runningStatus" value={status} defaultChecked={(text.runningStatus || "active") === status} />
                {t(`runningStatus.${status}`)}
              </label>
            ))}
          </div>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <TextField name="stoppedReason" label={t("practiceForm.stoppedReason")} defaultValue={text.stoppedReason} error={errors.stoppedReason} />
            <TextField name="stoppedOn" label={t("practiceForm.stoppedOn")} hint={t("practiceForm.partialDateHint")} defaultValue={text.stoppedOn} error={errors.stoppedOn} />
          </div>
        </fieldset>
      </Section>

      <Section title={t("practiceForm.indicators")} lead={t("practiceForm.indicatorsHint")} error={message("indicatorIds")}>
        <IndicatorPicker groups={groups} selected={selectedIndicators} />
      </Section>

      <Section title={t("practiceForm.metrics")} lead={t("practiceForm.metricsHint")} error={message("metrics")}>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <thead>
              <tr>
                {METRIC_FIELDS.map((field) => (
                  <th key={field} scope="col" className="px-1 py-1 font-medium">
                    {t(`practiceForm.metric.${field}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {metricRows.map((row, index) => (
                <tr key={index} className="align-top">
                  {METRIC_FIELDS.map((field) => {
                    const error = message(`metrics.${index}.${field}`);
                    const id = `metric-${index}-${field}`;
                    return (
                      <td key={field} className="px-1 py-1">
                        <input
                          id={id}
                          name={metricInputName(field)}
                          defaultValue={row[field]}
                          aria-label={t("practiceForm.metricCell", { column: t(`practiceForm.metric.${field}`), row: index + 1 })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          inputMode={field === "name" || field === "unit" ? undefined : "decimal"}
                          className={`${inputClass} mt-0`}
                        />
                        {error ? (
                          <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700">
                            {error}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section title={t("practiceForm.learning")}>
        <TextAreaField name="lessonsLearned" label={t("practiceForm.lessonsLearned")} defaultValue={text.lessonsLearned} error={errors.lessonsLearned} rows={4} />
        <TextAreaField name="replicationNeeds" label={t("practiceForm.replicationNeeds")} hint={t("practiceForm.replicationNeedsHint")} defaultValue={text.replicationNeeds} error={errors.replicationNeeds} rows={4} />
        <TextField name="tags" label={t("practiceForm.tags")} hint={t("practiceForm.tagsHint")} defaultValue={text.tags} error={errors.tags} />
        <TextAreaField name="sources" label={t("practiceForm.sources")} hint={t("practiceForm.sourcesHint")} defaultValue={text.sources} error={errors.sources} rows={4} />
      </Section>

      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
        <SubmitButton name="intent" value="save">
          {t("practiceForm.saveDraft")}
        </SubmitButton>
        <SubmitButton name="intent" value="submit" tone="secondary">
          {t("practiceForm.saveAndSubmit")}
        </SubmitButton>
      </div>
    </SubmitForm>
  );
}

/** The contact person with its consent (UU 27/2022), and what consent is already recorded for the saved contact. */
function ContactFields({ values, errors, savedConsent }: { values: Record<string, string>; errors: FieldErrors; savedConsent: VisibleContact["consent"] | undefined }) {
  const { t, formatDate } = useWorkspaceTranslator();
  return (
    <ContactConsentFields
      values={values}
      errors={errors}
      className="md:col-span-2"
      purposeId="contact-purpose"
      text={{ label: t("practiceForm.contact"), hint: t("practiceForm.contactHint"), consent: t("contactConsent.label"), purposeHeading: t("contactConsent.purposeHeading"), purpose: t("contactConsent.purpose") }}
      recorded={
        savedConsent === undefined
          ? null
          : savedConsent
            ? t("contactConsent.recorded", { name: savedConsent.recordedByName, date: formatDate(savedConsent.recordedAt), version: savedConsent.purposeVersion })
            : t("contactConsent.notRecorded")
      }
    />
  );
}

function emptyMetricRow(): PracticeFormValues["metrics"][number] {
  return { name: "", baseline: "", result: "", unit: "", baselineYear: "", resultYear: "" };
}

function Section({ title, lead, error, children }: { title: string; lead?: string; error?: string | null; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <legend className="px-1 text-lg font-bold">{title}</legend>
      {lead ? <p className="text-sm text-slate-600">{lead}</p> : null}
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/**
 * The Markdown body with its preview. With JavaScript the preview follows the typing (rendered
 * by the server, the same renderer as the published page); without it, "Preview" re-renders
 * the form with everything kept.
 */
function MarkdownBody({ defaultValue, error, previewHtml }: { defaultValue: string; error: string | null; previewHtml: string | null }) {
  const { t, formatNumber } = useWorkspaceTranslator();
  const preview = useFetcher<{ html: string }>({ key: "practice-body-preview" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [length, setLength] = useState(defaultValue.length);
  useEffect(() => () => clearTimeout(timer.current), []);
  const html = preview.data?.html ?? previewHtml;

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        <label htmlFor="body" className="block text-sm font-medium text-slate-800">
          {t("practiceForm.body")}
        </label>
        <textarea
          id="body"
          name="body"
          defaultValue={defaultValue}
          rows={22}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "body-hint body-error" : "body-hint"}
          className={`${inputClass} font-mono text-sm`}
          onChange={(event) => {
            const body = event.currentTarget.value;
            setLength(body.length);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => {
              if (body.length <= MAX_BODY_LENGTH) preview.submit({ body }, { method: "post", action: "/praktik/pratinjau" });
            }, PREVIEW_DELAY_MS);
          }}
        />
        <p id="body-hint" className="mt-1 text-sm text-slate-600">
          {t("practiceForm.bodyHint", { length: formatNumber(length), max: formatNumber(MAX_BODY_LENGTH) })}
        </p>
        {error ? (
          <p id="body-error" className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
        <SubmitButton name="intent" value="preview" className="mt-2 text-sm font-semibold text-brand-800 underline">
          {t("practiceForm.preview")}
        </SubmitButton>
      </div>
      <section aria-labelledby="preview-heading" aria-live="polite" className="rounded-md border border-dashed border-slate-300 bg-slate-50 p-4">
        <h3 id="preview-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          {t("practiceForm.previewHeading")}
        </h3>
        {html ? (
          // Rendered by markdown-it with raw HTML off and unsafe links refused (markdown.server.ts).
          <div className="prose-practice mt-2" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("practiceForm.previewEmpty")}</p>
        )}
      </section>
    </div>
  );
}
