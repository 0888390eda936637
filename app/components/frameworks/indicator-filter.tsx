import { inputClass } from "~/components/ui/form-base";
import type { FrameworkGroupRef, FrameworkIndicator } from "~/modules/frameworks";

/** A GET filter choosing one indicator (by number), grouped by the framework's groups. */
export function IndicatorFilter({
  label,
  allLabel,
  sections,
  defaultValue,
}: {
  label: string;
  allLabel: string;
  /** From indicatorSections(tree.groups). */
  sections: { path: FrameworkGroupRef[]; indicators: FrameworkIndicator[] }[];
  defaultValue: number | null;
}) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <select name="indikator" defaultValue={defaultValue ?? ""} className={inputClass}>
        <option value="">{allLabel}</option>
        {sections.map((section) => (
          <optgroup key={section.path.map((group) => group.id).join("-")} label={section.path.map((group) => group.name).join(" — ")}>
            {section.indicators.map((indicator) => (
              <option key={indicator.number} value={indicator.number}>
                {indicator.number}. {indicator.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
