import type { ChangeEvent } from "react";
import { Link } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";
import { inputClass } from "./form-base";

/** A labelled select for GET filter forms; `allLabel` adds the empty "no filter" option first. */
export function FilterSelect({
  name,
  label,
  options,
  defaultValue,
  allLabel,
  onChange,
}: {
  name: string;
  label: string;
  options: readonly { value: string | number; label: string }[];
  defaultValue: string | number | null;
  allLabel?: string;
  /** With JavaScript, e.g. to apply the choice at once; the form's button does it without. */
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
}) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <select name={name} defaultValue={defaultValue ?? ""} className={inputClass} onChange={onChange}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A province filter; the empty option means "all provinces". */
export function ProvinceSelect({ name, provinces, defaultValue }: { name: string; provinces: { code: string; name: string }[]; defaultValue: string | null }) {
  const { t } = useTranslator();
  return (
    <FilterSelect
      name={name}
      label={t("directory.province")}
      allLabel={t("directory.allProvinces")}
      options={provinces.map((province) => ({ value: province.code, label: province.name }))}
      defaultValue={defaultValue}
    />
  );
}

/**
 * Kabupaten or kota; the empty option means both. Rankings also offer the provincial
 * governments, which are ranked apart from kabupaten/kota.
 */
export function RegionTypeSelect({ name, defaultValue, withProvinceGovernments = false }: { name: string; defaultValue: string | null; withProvinceGovernments?: boolean }) {
  const { t } = useTranslator();
  const options: { value: string; label: string }[] = (["kabupaten", "kota"] as const).map((type) => ({ value: type, label: t(`regionType.${type}`) }));
  if (withProvinceGovernments) options.push({ value: "provinsi", label: t("regionType.provinceGovernment") });
  return <FilterSelect name={name} label={t("directory.type")} allLabel={t("directory.allTypes")} options={options} defaultValue={defaultValue} />;
}

export function CohortSelect({ name, cohorts, defaultValue }: { name: string; cohorts: { slug: string; name: string }[]; defaultValue: string | null }) {
  const { t } = useTranslator();
  const options = cohorts.map((cohort) => ({ value: cohort.slug, label: cohort.name }));
  return <FilterSelect name={name} label={t("directory.cohort")} allLabel={t("directory.allCohorts")} options={options} defaultValue={defaultValue} />;
}

/** "Apply" for a filter form, and a link back to the unfiltered list when there is one. */
export function FilterActions({ resetTo }: { resetTo?: string }) {
  const { t } = useTranslator();
  return (
    <div className="flex flex-wrap items-center gap-4">
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t("directory.apply")}
      </button>
      {resetTo ? <Link to={resetTo}>{t("directory.reset")}</Link> : null}
    </div>
  );
}

/** What a list says when nothing matches, with a hint what to do. */
export function EmptyState({ title, help }: { title: string; help?: string }) {
  return (
    <div className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-semibold">{title}</p>
      {help ? <p className="mt-1 text-slate-600">{help}</p> : null}
    </div>
  );
}
