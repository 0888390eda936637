import { useLocation } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";

/**
 * The download choices of a page's rows: CSV for Indonesian Excel, international CSV, and
 * .xlsx. Plain links (they work without JavaScript) to `path.csv` / `path.xlsx` with the
 * page's current query — framework, year, filters and order — so the file holds what the page
 * shows; the page number is dropped because a download holds every page's rows.
 */
export function DownloadLinks({ path, className = "" }: { path: string; className?: string }) {
  const { t } = useTranslator();
  const location = useLocation();
  const href = (extension: "csv" | "xlsx", style?: "id" | "intl") => {
    const params = new URLSearchParams(location.search);
    params.delete("hal");
    params.delete("gaya");
    if (style) params.set("gaya", style);
    const query = params.toString();
    return `${path}.${extension}${query ? `?${query}` : ""}`;
  };
  return (
    <p className={`flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold print:hidden ${className}`}>
      <span className="font-normal text-slate-700">{t("exports.download")}:</span>
      <a href={href("csv", "id")} download>
        {t("exports.csvId")}
      </a>
      <a href={href("csv", "intl")} download>
        {t("exports.csvIntl")}
      </a>
      <a href={href("xlsx")} download>
        {t("exports.xlsx")}
      </a>
    </p>
  );
}
