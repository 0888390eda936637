import { Link } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";
import { inputClass } from "./form";

/** A province filter for GET forms; the empty option means "all provinces". */
export function ProvinceSelect({ name, provinces, defaultValue }: { name: string; provinces: { code: string; name: string }[]; defaultValue: string | null }) {
  const { t } = useTranslator();
  return (
    <label className="block text-sm font-medium">
      {t("directory.province")}
      <select name={name} defaultValue={defaultValue ?? ""} className={inputClass}>
        <option value="">{t("directory.allProvinces")}</option>
        {provinces.map((province) => (
          <option key={province.code} value={province.code}>
            {province.name}
          </option>
        ))}
      </select>
    </label>
  );
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
