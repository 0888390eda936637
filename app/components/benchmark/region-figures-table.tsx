import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FigureValue } from "~/components/benchmark/figure";
import type { HeadlineView } from "~/components/benchmark/headline-figure";
import { PredikatBadge } from "~/components/predikat-badge";
import { Badge } from "~/components/ui/badge";
import { DataTable } from "~/components/ui/data-table";
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
 * Regions with their population and latest official figure of one framework (named in the
 * column header: `framework` is its short name), as the directory and a province's page list
 * them; the province column appears only when the rows say which province.
 */
export function RegionFiguresTable({ regions, framework, caption }: { regions: readonly RegionFiguresRow[]; framework: string; caption?: ReactNode }) {
  const { t, formatNumber } = useTranslator();
  const showProvince = regions.some((region) => region.provinceName !== undefined);
  return (
    <DataTable
      caption={caption}
      rows={regions}
      rowKey={(region) => region.code}
      columns={[
        {
          id: "region",
          header: t("directory.columnRegion"),
          cell: (region) => (
            <>
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
            </>
          ),
        },
        ...(showProvince ? [{ id: "province", header: t("directory.columnProvince"), hideBelow: "sm" as const, cell: (region: RegionFiguresRow) => region.provinceName }] : []),
        {
          id: "population",
          header: t("directory.columnPopulation"),
          align: "end",
          hideBelow: "md",
          cellClassName: "tabular-nums",
          cell: (region) => (region.population === null ? "—" : formatNumber(region.population)),
        },
        { id: "index", header: t("directory.columnIndex", { framework }), align: "end", cell: (region) => <LatestFigureCell figure={region.latest} /> },
      ]}
    />
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
