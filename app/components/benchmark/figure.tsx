import type { ReactNode } from "react";
import { SourceLink } from "~/components/source-link";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import type { PublishedValue, SourceRef } from "~/modules/benchmark/published-values";
import { useTranslator } from "~/modules/i18n/use-translator";

const kindTone: Record<FigureKind, BadgeTone> = { official: "success", verified: "brand", self: "neutral", sample: "warning" };

/** What kind of figure a value is: official, verified levels, self-assessment or sample data. */
export function KindBadge({ kind }: { kind: FigureKind }) {
  const { t } = useTranslator();
  return <Badge tone={kindTone[kind]}>{t(`figures.kind.${kind}`)}</Badge>;
}

/** The parts of a figure these components show (loader data carries them as plain objects). */
export interface FigureView {
  kind: FigureKind;
  value: number | null;
  decimals: number;
  disputed: boolean;
  published: PublishedValue[];
  source: SourceRef | null;
  mismatch?: boolean;
}

/** A source as a link (or a citation), its quote as the tooltip, its decree before it. */
export function SourceCitation({ source }: { source: SourceRef }) {
  return (
    <span title={source.quote ?? undefined}>
      {source.decree ? `${source.decree}, ` : null}
      <SourceLink source={source} />
    </span>
  );
}

/**
 * A figure's value as its sources print it. A disputed figure shows every source's value
 * ("2,69 · 2,68") with a "disputed" badge and no single number.
 */
export function FigureValue({ figure, className = "" }: { figure: FigureView; className?: string }) {
  const { t, formatIndex } = useTranslator();
  if (figure.value === null) {
    return (
      <span className={`inline-flex flex-wrap items-center gap-1 ${className}`}>
        <span className="tabular-nums">{figure.published.map((entry) => formatIndex(entry.value, entry.decimals)).join(" · ")}</span>
        <Badge tone="danger">{t("figures.disputed")}</Badge>
      </span>
    );
  }
  return <span className={`tabular-nums ${className}`}>{formatIndex(figure.value, figure.decimals)}</span>;
}

/** Every source behind a figure; for a disputed one, which source says which value. */
export function FigureSources({ figure }: { figure: FigureView }) {
  const { formatIndex } = useTranslator();
  if (figure.published.length === 0) return figure.source ? <SourceCitation source={figure.source} /> : null;
  return (
    <ul className="space-y-0.5">
      {figure.published.map((entry, index) => (
        <li key={index}>
          {figure.disputed ? <span className="tabular-nums">{formatIndex(entry.value, entry.decimals)}: </span> : null}
          <SourceCitation source={entry.source} />
        </li>
      ))}
    </ul>
  );
}

/** The quotes a figure's values were read from, for readers who check them. */
export function FigureQuotes({ figure }: { figure: FigureView }) {
  const quotes = figure.published.flatMap((entry) => (entry.source.quote ? [entry.source.quote] : []));
  if (quotes.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
      {quotes.map((quote, index) => (
        <li key={index}>
          <q>{quote}</q>
        </li>
      ))}
    </ul>
  );
}

export interface NoteView {
  id: number;
  body: string;
  authorName: string;
  createdAt: string | Date;
}

/** A region's signed replies on a figure, shown beside it; `controls` adds actions under each. */
export function FigureNotes({ notes, controls }: { notes: readonly NoteView[]; controls?: (note: NoteView) => ReactNode }) {
  const { t, formatDate } = useTranslator();
  if (notes.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1">
      {notes.map((note) => (
        <li key={note.id} className="rounded border-l-4 border-brand-600 bg-brand-50 px-2 py-1 text-xs text-slate-800">
          <span className="font-semibold">{t("figures.regionNote")}: </span>
          {note.body} <span className="text-slate-600">{t("figures.noteSignature", { name: note.authorName, date: formatDate(note.createdAt) })}</span>
          {controls ? controls(note) : null}
        </li>
      ))}
    </ul>
  );
}
