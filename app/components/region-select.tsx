import { SelectField } from "./ui/form";
import type { FieldError } from "~/modules/forms/form-data";

export interface ProvinceRegions {
  province: string;
  regions: { code: string; name: string }[];
}

/** A kabupaten/kota picker grouped by province; the empty option means "no region". */
export function RegionSelect(props: {
  name: string;
  id?: string;
  label: string;
  emptyLabel: string;
  groups: ProvinceRegions[];
  defaultValue?: string;
  error?: FieldError;
  hint?: string;
}) {
  const { groups, emptyLabel, ...field } = props;
  return (
    <SelectField {...field}>
      <option value="">{emptyLabel}</option>
      {groups.map((group) => (
        <optgroup key={group.province} label={group.province}>
          {group.regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name} ({region.code})
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
