import { Link } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";

/** Previous / "page x of y" / next, for any paginated list whose page lives in the URL. */
export function Pagination({ page, pageCount, hrefFor, label }: { page: number; pageCount: number; hrefFor: (page: number) => string; label: string }) {
  const { t, formatNumber } = useTranslator();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← {t("directory.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">
        {t("directory.pageOf", { page: formatNumber(page), pages: formatNumber(pageCount) })}
      </span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t("directory.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
