import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FigureValue } from "~/components/benchmark/figure";
import type { HeadlineView } from "~/components/benchmark/headline-figure";
import { PredikatBadge } from "~/components/predikat-badge";
import { Badge } from "~/components/ui/badge";
import { useTranslator } from "~/modules/i18n/use-translator";

export type RegionFiguresRow = {
  code: string;
  name: string;
  population: number | null;
  latest: HeadlineView | null;
  /** Shown (with the cohorts) where a list spans provinces. */
  provinceName?: string;
  cohorts?: readonly string[];
};

/**
 * Regions with their population and latest official figure, as the directory and a province's
 * page list them; the province column appears only when the rows say which province.
 */
export function RegionFiguresTable({ regions, caption }: { regions: readonly RegionFiguresRow[]; caption?: ReactNode }) {
  const { t, formatNumber } = useTranslator();
  const showProvince = regions.some((region) => region.provinceName !== undefined);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3">{t("directory.columnRegion")}</th>
            {showProvince ? <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t("directory.columnProvince")}</th> : null}
            <th scope="col" className="hidden px-4 py-3 text-right md:table-cell">{t("directory.columnPopulation")}</th>
            <th scope="col" className="px-4 py-3 text-right">{t("directory.columnIndex")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {regions.map((region) => (
            <tr key={region.code}>
              <td className="px-4 py-3">
                <Link to={`/daerah/${region.code}`} className="font-medium">
                  {region.name}
                </Link>
                {showProvince || region.cohorts?.length ? (
                  <div className="mt-1 flex flex-wrap gap-1 text-xs text-slate-600">
                    {showProvince ? <span className="sm:hidden">{region.provinceName}</span> : null}
                    {region.cohorts?.map((cohort) => (
                      <Badge key={cohort} tone="brand">
                        {cohort}
                      </Badge>
                    ))}
                  </div>
                ) : null}
              </td>
              {showProvince ? <td className="hidden px-4 py-3 sm:table-cell">{region.provinceName}</td> : null}
              <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">
                {region.population === null ? "—" : formatNumber(region.population)}
              </td>
              <td className="px-4 py-3 text-right">
                <LatestFigureCell figure={region.latest} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list's cell for a government's latest official figure: value, year and predikat. */
function LatestFigureCell({ figure }: { figure: HeadlineView | null }) {
  const { t } = useTranslator();
  if (!figure) return <span className="text-slate-500">{t("directory.noIndex")}</span>;
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <span className="font-semibold">
        <FigureValue figure={figure} /> <span className="font-normal text-slate-600">({figure.year})</span>
      </span>
      <PredikatBadge predikat={figure.predikat} />
    </span>
  );
}
