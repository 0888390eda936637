import { groupLabel } from "~/components/frameworks/group-label";
import { type FrameworkGroup, indicatorsIn } from "~/modules/frameworks";
import { useTranslator } from "~/modules/i18n/use-translator";

/**
 * A framework's indicators as checkboxes named `name`, one collapsible section per top group
 * (open when it holds a chosen indicator), a legend per sub-group.
 */
export function IndicatorPicker({ groups, selected, name = "indicatorIds" }: { groups: FrameworkGroup[]; selected: ReadonlySet<string>; name?: string }) {
  const translator = useTranslator();
  return (
    <>
      {groups.map((group) => (
        <details key={group.id} open={indicatorsIn([group]).some((indicator) => selected.has(String(indicator.id)))} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">{groupLabel(translator, group)}</summary>
          <IndicatorCheckboxes group={group} selected={selected} name={name} />
        </details>
      ))}
    </>
  );
}

function IndicatorCheckboxes({ group, selected, name }: { group: FrameworkGroup; selected: ReadonlySet<string>; name: string }) {
  const translator = useTranslator();
  return (
    <>
      {group.groups.map((child) => (
        <fieldset key={child.id} className="mt-3">
          <legend className="text-sm font-semibold text-slate-700">{groupLabel(translator, child)}</legend>
          <IndicatorCheckboxes group={child} selected={selected} name={name} />
        </fieldset>
      ))}
      {group.indicators.length > 0 ? (
        <ul className="mt-1 space-y-1">
          {group.indicators.map((indicator) => (
            <li key={indicator.id}>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name={name} value={indicator.id} defaultChecked={selected.has(String(indicator.id))} className="mt-1" />
                <span>
                  {indicator.number}. {indicator.name}
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
