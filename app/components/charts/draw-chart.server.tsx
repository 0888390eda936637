import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ChartTableData, DrawnChart } from "./chart-frame";

/**
 * An id for an element inside a chart's SVG (title, description, hatch patterns). Markup drawn
 * apart from the page cannot use React's useId, so each chart is named by its caller instead.
 */
export function chartElementId(chartId: string, part: string): string {
  return `chart-${chartId}-${part}`;
}

export type ChartDrawing<Detail> = {
  /** Unique on the page (e.g. "trend", "domains"): the ids inside the SVG derive from it. */
  id: string;
  /** Visible caption and accessible name. */
  title: string;
  /** Text summary of what the chart shows; the SVG's <desc>, read after the name. */
  description: string;
  /** Size of the SVG coordinate system. The SVG itself is 100% wide and keeps this aspect ratio. */
  width: number;
  height: number;
  /** One entry per series; the swatch is a small decorative SVG (SeriesSwatch). */
  legend: { label: string; swatch: ReactNode }[];
  tableLabel: string;
  table: ChartTableData<Detail>;
  /** SVG content (axes, marks) in the coordinate system given by width/height. */
  children: ReactNode;
};

/**
 * Draws a chart to markup on the server, for ChartFrame to show: an SVG image with its own
 * <title>/<desc>, and the legend's swatches. Only this file and the chart drawings use visx and
 * react-dom/server; being *.server files, none of them reach the browser.
 */
export function drawChart<Detail>({ id, title, description, width, height, legend, tableLabel, table, children }: ChartDrawing<Detail>): DrawnChart<Detail> {
  const titleId = chartElementId(id, "title");
  const descId = chartElementId(id, "desc");
  const svg = renderToStaticMarkup(
    <svg role="img" aria-labelledby={titleId} aria-describedby={descId} viewBox={`0 0 ${width} ${height}`} width="100%" className="block h-auto text-slate-700">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {children}
    </svg>,
  );
  return {
    title,
    svg,
    legend: legend.map((item) => ({ label: item.label, swatch: renderToStaticMarkup(item.swatch) })),
    tableLabel,
    table,
  };
}
