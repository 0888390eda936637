import type { ReactNode } from "react";
import { FigureNotes, FigureQuotes, FigureSources, FigureValue, type FigureView, KindBadge, type NoteView } from "~/components/benchmark/figure";
import { FigureTrendChart } from "~/components/benchmark/figure-trend";
import type { AverageView } from "~/components/benchmark/published-averages";
import { PredikatBadge } from "~/components/predikat-badge";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import { useTranslator } from "~/modules/i18n/use-translator";

export interface HistoryRow {
  year: number;
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
  actions?: (year: number, kind: FigureKind) => ReactNode;
  noteControls?: (note: NoteView) => ReactNode;
}) {
  const { t } = useTranslator();
  const columns: FigureKind[] = ["official", ...kinds.filter((kind) => kind !== "official")];
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-3">
              {t("region.year")}
            </th>
            {columns.map((kind) => (
              <th key={kind} scope="col" className="px-3 py-3">
                <KindBadge kind={kind} />
              </th>
            ))}
            <th scope="col" className="px-3 py-3">
              {t("figures.nationalIndex")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {[...rows].reverse().map((row) => (
            <tr key={row.year} className="align-top">
              <th scope="row" className="px-3 py-3 font-medium tabular-nums">
                {row.year}
              </th>
              {columns.map((kind) => {
                const figure = row.figures[kind];
                return (
                  <td key={kind} className="px-3 py-3">
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
                    {actions && figure ? actions(row.year, kind) : null}
                  </td>
                );
              })}
              <td className="px-3 py-3 text-xs">
                {row.national ? (
                  <>
                    <FigureValue figure={{ ...row.national, kind: "official", decimals: 2, source: null }} className="text-sm" />
                    <FigureSources figure={{ ...row.national, kind: "official", decimals: 2, source: null }} />
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A government's figures over the years: the trend of each kind, then every value in a table. */
export function GovernmentFigures({
  name,
  caption,
  figures,
  actions,
  noteControls,
}: {
  /** Whose figures, e.g. "Kabupaten Sumedang" or "Pemerintah Provinsi Jawa Barat". */
  name: string;
  caption: string;
  figures: { kinds: readonly FigureKind[]; rows: readonly HistoryRow[] };
  actions?: (year: number, kind: FigureKind) => ReactNode;
  noteControls?: (note: NoteView) => ReactNode;
}) {
  const { t } = useTranslator();
  return (
    <>
      <div className="mt-3">
        <FigureTrendChart
          title={t("regionBenchmark.trendChart", { region: name })}
          description={t("regionBenchmark.trendDescription")}
          years={figures.rows.map((row) => row.year)}
          series={figures.kinds.map((kind) => ({ name, kind, tone: "primary", figures: figures.rows.flatMap((row) => (row.figures[kind] ? [{ ...row.figures[kind], year: row.year }] : [])) }))}
          national={figures.rows.flatMap((row) => (row.national ? [{ ...row.national, year: row.year }] : []))}
        />
      </div>
      <FigureHistoryTable caption={caption} kinds={figures.kinds} rows={figures.rows} actions={actions} noteControls={noteControls} />
    </>
  );
}
