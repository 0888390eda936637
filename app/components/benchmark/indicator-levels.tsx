import type { ReactNode } from "react";
import { LevelChoice } from "~/components/benchmark/level-criteria";
import type { FieldErrors } from "~/modules/forms/form-data";
import type { FrameworkTree, LevelCriterion } from "~/modules/frameworks/frameworks.server";
import { validationMessage } from "~/modules/forms/validation-message";
import { useTranslator } from "~/modules/i18n/use-translator";
import { selfAssessmentFields } from "~/modules/benchmark/self-assessment";

/**
 * The framework's indicators by domain and aspect, each with a level to choose against the
 * regulation's criteria text. Used wherever levels are entered: the self-assessment and the
 * levels read from an evaluation report. `extra` adds fields under an indicator.
 */
export function IndicatorLevelsFields({
  domains,
  criteria,
  values,
  errors,
  allowNone = false,
  onLevelChange,
  extra,
}: {
  domains: FrameworkTree["domains"];
  /** Indicator node id → its levels with criteria. */
  criteria: Record<string, LevelCriterion[]>;
  /** Field name → submitted or stored value. */
  values: Record<string, string>;
  errors: FieldErrors;
  allowNone?: boolean;
  onLevelChange?: (indicatorId: number, level: string) => void;
  extra?: (indicatorId: number, indicatorNumber: number) => ReactNode;
}) {
  const translator = useTranslator();
  const { t } = translator;
  return (
    <>
      {domains.map((domain) => (
        <fieldset key={domain.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-lg font-bold">
            {t("practiceForm.domain", { number: domain.number })}: {domain.name}
          </legend>
          {domain.aspects.map((aspect) => (
            <div key={aspect.id} className="mt-3">
              <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">
                {t("practiceForm.aspect", { number: aspect.number })}: {aspect.name}
              </h2>
              <ul className="mt-2 divide-y divide-slate-200">
                {aspect.indicators.map((indicator) => {
                  const name = selfAssessmentFields(indicator.id).level;
                  const error = errors[name];
                  return (
                    <li key={indicator.id} className="space-y-2 py-3">
                      <LevelChoice
                        name={name}
                        legend={`${indicator.number}. ${indicator.name}`}
                        levels={criteria[String(indicator.id)] ?? []}
                        defaultValue={values[name] ?? ""}
                        error={error ? validationMessage(translator, error) : null}
                        allowNone={allowNone}
                        onChange={onLevelChange ? (event) => onLevelChange(indicator.id, event.currentTarget.value) : undefined}
                      />
                      {extra ? extra(indicator.id, indicator.number) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </fieldset>
      ))}
    </>
  );
}
