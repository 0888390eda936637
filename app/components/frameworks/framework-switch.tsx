import { Link, useLocation } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";

export interface FrameworkOption {
  slug: string;
  name: string;
  shortName: string;
  sourceStatus: "official_text" | "secondary_sources";
  firstYear: number | null;
  lastYear: number | null;
  version: number;
}

/** The years a framework applies to, as a label ("2026 onwards", "until 2025"). */
export function useFrameworkYears() {
  const { t } = useTranslator();
  return ({ firstYear, lastYear }: Pick<FrameworkOption, "firstYear" | "lastYear">) =>
    firstYear !== null && lastYear !== null
      ? t("frameworks.years_range", { first: firstYear, last: lastYear })
      : firstYear !== null
        ? t("frameworks.years_open", { first: firstYear })
        : lastYear !== null
          ? t("frameworks.years_closed", { last: lastYear })
          : null;
}

/** A framework's status where its figures are shown: secondary sources are said plainly. */
export function FrameworkStatus({ framework }: { framework: Pick<FrameworkOption, "sourceStatus" | "version"> }) {
  const { t } = useTranslator();
  return (
    <p className={framework.sourceStatus === "secondary_sources" ? "rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" : "text-sm text-slate-600"}>
      {framework.sourceStatus === "secondary_sources" ? t("frameworks.statusSecondary") : t("frameworks.statusOfficial")}{" "}
      <span className="text-slate-600">({t("frameworks.version", { version: framework.version })})</span>
    </p>
  );
}

/**
 * The framework choice on a benchmarking page: one link per framework, keeping the page's other
 * filters but not its year (each framework has its own years). Links work without JavaScript.
 */
export function FrameworkSwitch({ frameworks, current, param = "kerangka" }: { frameworks: FrameworkOption[]; current: string; param?: string }) {
  const { t } = useTranslator();
  const location = useLocation();
  const yearsOf = useFrameworkYears();
  const hrefOf = (slug: string) => {
    const params = new URLSearchParams(location.search);
    params.set(param, slug);
    params.delete("tahun");
    params.delete("hal");
    return `${location.pathname}?${params}`;
  };
  const chosen = frameworks.find((framework) => framework.slug === current);
  return (
    <nav aria-label={t("frameworks.choice")} className="space-y-2">
      <p className="text-sm font-medium">{t("frameworks.choice")}</p>
      <ul className="flex flex-wrap gap-2">
        {frameworks.map((framework) => {
          const years = yearsOf(framework);
          const selected = framework.slug === current;
          return (
            <li key={framework.slug}>
              <Link
                to={hrefOf(framework.slug)}
                title={framework.name}
                aria-current={selected ? "page" : undefined}
                className={`inline-block rounded-md border px-3 py-1.5 text-sm no-underline ${selected ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:border-brand-700"}`}
              >
                {framework.shortName}
                {years ? <span className={selected ? "text-white/90" : "text-slate-600"}> · {years}</span> : null}
                {framework.sourceStatus === "secondary_sources" ? <span className={selected ? "text-white/90" : "text-amber-800"}> · {t("frameworks.statusBadgeSecondary")}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
      {chosen ? <FrameworkStatus framework={chosen} /> : null}
      <p className="text-xs text-slate-600">{t("frameworks.choiceHint")}</p>
    </nav>
  );
}
