import type { ChangeEvent } from "react";
import { Badge } from "~/components/ui/badge";
import type { LevelCriterion } from "~/modules/frameworks/frameworks.server";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

/** A level's criteria text, marked when the public copies of the regulation disagree on it. */
function CriteriaText({ level }: { level: LevelCriterion }) {
  const { t } = useExtraTranslator();
  if (!level.criteria) return <span className="text-slate-600">{t("levelCriteria.missing")}</span>;
  return (
    <>
      {level.uncertain ? (
        <>
          <Badge tone="warning">{t("levelCriteria.uncertain")}</Badge>{" "}
        </>
      ) : null}
      {level.criteria}
    </>
  );
}

/** Every level of an indicator with its name and the regulation's criteria. */
export function LevelCriteriaList({ levels }: { levels: readonly LevelCriterion[] }) {
  const { t } = useExtraTranslator();
  return (
    <>
      <ol className="mt-3 space-y-3">
        {levels.map((level) => (
          <li key={level.level}>
            <p className="font-semibold">
              {t("benchmark.level", { level: level.level })} — {level.name}
            </p>
            <p className="mt-0.5 text-sm text-slate-700">
              <CriteriaText level={level} />
            </p>
          </li>
        ))}
      </ol>
      {levels.some((level) => level.uncertain) ? <p className="mt-2 text-sm text-amber-900">{t("levelCriteria.uncertainHelp")}</p> : null}
    </>
  );
}

/**
 * Choosing an indicator's level: one radio per level, each labelled with the level's name and
 * its criteria, so the reader decides against the regulation's words. `allowNone` adds
 * "not filled in" for drafts that may be finished later.
 */
export function LevelChoice({
  name,
  legend,
  levels,
  defaultValue,
  error,
  allowNone = false,
  onChange,
}: {
  name: string;
  legend: string;
  levels: readonly LevelCriterion[];
  defaultValue: string;
  error: string | null;
  allowNone?: boolean;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const { t } = useExtraTranslator();
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-semibold">{legend}</legend>
      <div className="mt-1 space-y-1">
        {allowNone ? (
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name={name} value="" defaultChecked={defaultValue === ""} onChange={onChange} className="mt-1" />
            <span className="text-slate-600">{t("selfAssessment.noLevel")}</span>
          </label>
        ) : null}
        {levels.map((level) => (
          <label key={level.level} className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
            <input type="radio" name={name} value={level.level} defaultChecked={defaultValue === String(level.level)} onChange={onChange} className="row-span-2 mt-1" />
            <span className="font-semibold">
              {level.level} — {level.name}
            </span>
            <span className="text-xs text-slate-700">
              <CriteriaText level={level} />
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
