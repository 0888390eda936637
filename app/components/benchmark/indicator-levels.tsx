import type { ReactNode } from "react";
import { LevelChoice } from "~/components/benchmark/level-criteria";
import type { FieldErrors } from "~/modules/forms/form-data";
import { groupLabel } from "~/components/frameworks/group-label";
import type { FrameworkGroup, FrameworkIndicator } from "~/modules/frameworks";
import type { LevelCriterion } from "~/modules/frameworks/frameworks.server";
import { validationMessage } from "~/modules/forms/validation-message";
import { useTranslator } from "~/modules/i18n/use-translator";
import { selfAssessmentFields } from "~/modules/benchmark/self-assessment";

/**
 * The framework's indicators by group (SPBE 2020: domain and aspect; Pemdi 2026: aspect), each
 * with a level to choose against the regulation's criteria text. Used wherever levels are
 * entered: the self-assessment and the levels read from an evaluation report. `extra` adds
 * fields under an indicator; `fixedLevel` replaces the choice for an indicator whose level
 * comes from elsewhere (another agency's score).
 */
export function IndicatorLevelsFields({
  groups,
  criteria,
  values,
  errors,
  allowNone = false,
  onLevelChange,
  extra,
  fixedLevel,
}: {
  groups: FrameworkGroup[];
  /** Indicator node id → its levels with criteria. */
  criteria: Record<string, LevelCriterion[]>;
  /** Field name → submitted or stored value. */
  values: Record<string, string>;
  errors: FieldErrors;
  allowNone?: boolean;
  onLevelChange?: (indicatorId: number, level: string) => void;
  extra?: (indicatorId: number, indicatorNumber: number) => ReactNode;
  fixedLevel?: (indicatorId: number, indicatorNumber: number) => ReactNode | null;
}) {
  const translator = useTranslator();
  const indicatorList = (indicators: FrameworkIndicator[]) =>
    indicators.length === 0 ? null : (
      <ul className="mt-2 divide-y divide-slate-200">
        {indicators.map((indicator) => {
          const name = selfAssessmentFields(indicator.id).level;
          const error = errors[name];
          const fixed = fixedLevel?.(indicator.id, indicator.number) ?? null;
          return (
            <li key={indicator.id} className="space-y-2 py-3">
              {fixed ?? (
                <LevelChoice
                  name={name}
                  legend={`${indicator.number}. ${indicator.name}`}
                  levels={criteria[String(indicator.id)] ?? []}
                  defaultValue={values[name] ?? ""}
                  error={error ? validationMessage(translator, error) : null}
                  allowNone={allowNone}
                  onChange={onLevelChange ? (event) => onLevelChange(indicator.id, event.currentTarget.value) : undefined}
                />
              )}
              {extra ? extra(indicator.id, indicator.number) : null}
            </li>
          );
        })}
      </ul>
    );
  const nested = (group: FrameworkGroup): ReactNode => (
    <div key={group.id} className="mt-3">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{groupLabel(translator, group)}</h2>
      {group.groups.map(nested)}
      {indicatorList(group.indicators)}
    </div>
  );
  return (
    <>
      {groups.map((group) => (
        <fieldset key={group.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-lg font-bold">{groupLabel(translator, group)}</legend>
          {group.groups.map(nested)}
          {indicatorList(group.indicators)}
        </fieldset>
      ))}
    </>
  );
}
