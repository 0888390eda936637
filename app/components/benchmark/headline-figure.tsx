import { FigureNotes, FigureSources, FigureValue, type FigureView, KindBadge, type NoteView } from "~/components/benchmark/figure";
import { PredikatBadge } from "~/components/predikat-badge";
import { useTranslator } from "~/modules/i18n/use-translator";

export type HeadlineView = FigureView & { year: number; predikat: string | null; notes: NoteView[]; framework?: { shortName: string } };

/**
 * A government's headline: its latest official figure with predikat, sources and the region's
 * notes — never a figure of another kind (those go beside it).
 */
export function HeadlineFigure({ figure, className = "" }: { figure: HeadlineView | null; className?: string }) {
  const { t } = useTranslator();
  return (
    <div className={`rounded-lg border border-slate-200 bg-white px-5 py-4 ${className}`}>
      {figure ? (
        <>
          <p className="text-sm text-slate-600">{t("region.latestIndex", { year: figure.year })}</p>
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <FigureValue figure={figure} className="text-3xl font-bold text-brand-800" />
            <PredikatBadge predikat={figure.predikat} />
            <KindBadge kind="official" />
          </p>
          {figure.framework ? <p className="mt-1 text-xs text-slate-600">{figure.framework.shortName}</p> : null}
          <div className="mt-1 text-xs">
            <FigureSources figure={figure} />
          </div>
          <FigureNotes notes={figure.notes} />
        </>
      ) : (
        <p className="text-sm text-slate-700">{t("region.noOfficialIndex")}</p>
      )}
    </div>
  );
}
