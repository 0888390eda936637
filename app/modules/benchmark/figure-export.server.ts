import type { FrameworkSummary } from "../frameworks/index.server";
import type { ServerTranslator } from "../i18n/translator";
import type { ExportCell, ExportColumn, ExportTable } from "../spreadsheets/export.server";
import type { Figure, FigureNote } from "./benchmark-data.server";
import type { SourceRef } from "./published-values";

/**
 * What every figure download shares: a figure written as its kind, value, predikat, disputed
 * values, sources and the region's notes, the framework it belongs to, and the list of sources
 * cited — so rankings, compare, benchmark and history files read the same way.
 */

/** Anything with sources: a figure, or a published average (which has no levels). */
type Sourced = Pick<Figure, "published"> & { source?: SourceRef | null };

/** The sources behind a figure: its published values' sources, or where its levels come from. */
export function figureSources(figure: Sourced): SourceRef[] {
  return figure.published.length > 0 ? figure.published.map((entry) => entry.source) : figure.source ? [figure.source] : [];
}

export function sourcesText(figure: Sourced): string {
  return figureSources(figure)
    .map((source) => [source.decree, source.url ?? source.citation].filter(Boolean).join(", "))
    .join(" | ");
}

export function notesText(notes: readonly FigureNote[], translator: ServerTranslator): string {
  return notes.map((note) => `${note.body} ${translator.t("figures.noteSignature", { name: note.authorName, date: translator.formatDate(note.createdAt) })}`).join(" | ");
}

/** A disputed figure's published values, each with its source; empty when sources agree. */
export function disputedText(figure: Pick<Figure, "disputed" | "published">, translator: ServerTranslator): string {
  return figure.disputed ? figure.published.map((value) => `${translator.formatIndex(value.value, value.decimals)} (${value.source.url ?? value.source.citation})`).join(" | ") : "";
}

/** The columns naming the framework of every value: one file holds one framework only. */
export function frameworkColumns(t: ServerTranslator["t"]): ExportColumn[] {
  return [
    { header: t("frameworkViews.exportFramework"), description: t("frameworkViews.exportFrameworkHelp"), type: "text" },
    { header: t("frameworkViews.exportVersion"), description: t("frameworkViews.exportVersionHelp"), type: "integer" },
    { header: t("frameworkViews.exportStatus"), description: t("frameworkViews.exportStatusHelp"), type: "text" },
  ];
}

export function frameworkCells(framework: Pick<FrameworkSummary, "name" | "version" | "sourceStatus">, t: ServerTranslator["t"]): ExportCell[] {
  return [framework.name, framework.version, t(framework.sourceStatus === "secondary_sources" ? "frameworkViews.exportStatusSecondary" : "frameworkViews.exportStatusOfficial")];
}

/** The sources sheet: every source cited, once, with the rows it was cited for. */
export class SourceList {
  private readonly sources = new Map<string, ExportTable["sources"][number]>();

  add(figure: Sourced | null, usedFor: string): void {
    for (const source of figure ? figureSources(figure) : []) {
      const key = source.url ?? source.citation;
      const known = this.sources.get(key);
      if (known?.usedFor.split(", ").includes(usedFor)) continue;
      this.sources.set(key, { citation: source.citation, url: source.url, usedFor: known ? `${known.usedFor}, ${usedFor}` : usedFor });
    }
  }

  list(): ExportTable["sources"] {
    return [...this.sources.values()];
  }
}
