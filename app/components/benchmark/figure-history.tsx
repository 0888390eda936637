import type { ReactNode } from "react";
import { FigureNotes, FigureQuotes, FigureSources, FigureValue, type FigureView, KindBadge, type NoteView } from "~/components/benchmark/figure";
import { FigureTrendChart, type TrendDetail } from "~/components/benchmark/figure-trend";
import type { AverageView } from "~/components/benchmark/published-averages";
import type { DrawnChart } from "~/components/charts/chart-frame";
import { PredikatBadge } from "~/components/predikat-badge";
import { DataTable, type DataColumn } from "~/components/ui/data-table";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import { useTranslator } from "~/modules/i18n/use-translator";

export interface HistoryRow {
  year: number;
  /** Set when a history spans frameworks (getGovernmentHistory): the table names it on every row. */
  framework?: { slug: string; shortName: string };
  figures: Partial<Record<FigureKind, FigureView & { predikat: string | null; notes: NoteView[] }>>;
  national: AverageView | null;
}

/**
 * A government's figures per year: the official value first with its predikat, sources, quotes
 * and the region's notes, every other kind in its own column beside it, and the national index.
 * `actions` adds controls under a figure (e.g. the region's editors writing a note).
 */
export function FigureHistoryTable({
  caption,
  kinds,
  rows,
  actions,
  noteControls,
}: {
  caption: string;
  kinds: readonly FigureKind[];
  rows: readonly HistoryRow[];
  actions?: (row: HistoryRow, kind: FigureKind) => ReactNode;
  noteControls?: (note: NoteView) => ReactNode;
}) {
  const { t } = useTranslator();
  const byFramework = rows.some((row) => row.framework);
  const kindsShown: FigureKind[] = ["official", ...kinds.filter((kind) => kind !== "official")];
  return (
    <DataTable
      className="mt-3"
      caption={caption}
      rows={[...rows].reverse()}
      rowKey={(row) => `${row.framework?.slug ?? ""}:${row.year}`}
      rowClassName={() => "align-top"}
      density="compact"
      columns={[
        { id: "year", header: t("region.year"), rowHeader: true, cellClassName: "font-medium tabular-nums", cell: (row) => row.year },
        ...(byFramework ? [{ id: "framework", header: t("frameworks.choice"), cell: (row: HistoryRow) => row.framework?.shortName ?? "—" }] : []),
        ...kindsShown.map(
          (kind): DataColumn<HistoryRow> => ({
            id: kind,
            header: <KindBadge kind={kind} />,
            cell: (row) => {
              const figure = row.figures[kind];
              return (
                <>
                  {figure ? (
                    <>
                      <p className="flex flex-wrap items-center gap-2">
                        <FigureValue figure={figure} className="font-semibold" />
                        <PredikatBadge predikat={figure.predikat} />
                      </p>
                      {figure.mismatch ? <p className="text-xs text-red-700">{t("figures.mismatch")}</p> : null}
                      <div className="mt-1 text-xs">
                        <FigureSources figure={figure} />
                      </div>
                      <FigureQuotes figure={figure} />
                      <FigureNotes notes={figure.notes} controls={noteControls} />
                    </>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                  {actions && figure ? actions(row, kind) : null}
                </>
              );
            },
          }),
        ),
        {
          id: "national",
          header: t("figures.nationalIndex"),
          cellClassName: "text-xs",
          cell: (row) =>
            row.national ? (
              <>
                <FigureValue figure={{ ...row.national, kind: "official", decimals: 2, source: null }} className="text-sm" />
                <FigureSources figure={{ ...row.national, kind: "official", decimals: 2, source: null }} />
              </>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}

/** A government's figures over the years: the trend of each kind, then every value in a table. */
export function GovernmentFigures({
  caption,
  figures,
  actions,
  noteControls,
}: {
  caption: string;
  /** The rows, and their trend drawn by drawGovernmentTrend. */
  figures: { kinds: readonly FigureKind[]; rows: readonly HistoryRow[]; trend: DrawnChart<TrendDetail> };
  actions?: (row: HistoryRow, kind: FigureKind) => ReactNode;
  noteControls?: (note: NoteView) => ReactNode;
}) {
  return (
    <>
      <div className="mt-3">
        <FigureTrendChart chart={figures.trend} />
      </div>
      <FigureHistoryTable caption={caption} kinds={figures.kinds} rows={figures.rows} actions={actions} noteControls={noteControls} />
    </>
  );
}
