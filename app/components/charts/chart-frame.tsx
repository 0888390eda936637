import type { ReactNode } from "react";

/**
 * One cell of a chart's data table: the formatted value (or the "no data" text) and, where the
 * chart's caller gave one, a detail that follows it (e.g. the value's sources). A missing value
 * with a detail shows the detail alone, since it may say why (e.g. disputed values).
 */
export type ChartCell<Detail> = { text?: string; detail?: Detail };

export type ChartTableData<Detail> = {
  /** Header of the first column, e.g. "Tahun" or "Domain". */
  rowHeader: string;
  /** One header per data column (usually the series names). */
  columns: string[];
  /** One row per x value or category; `cells` align with `columns`. */
  rows: { label: string; cells: ChartCell<Detail>[] }[];
};

/**
 * A chart drawn on the server (draw-chart.server.tsx): everything the page shows, as data that
 * travels in loader data, so client-side navigation shows the same chart without any charting
 * code in the browser. `Detail` is whatever the table's cells carry beyond their value.
 */
export type DrawnChart<Detail = never> = {
  /** Visible caption; also the accessible name of the SVG image and the table caption. */
  title: string;
  /** The complete <svg> element (with its own <title> and <desc>). */
  svg: string;
  /** One entry per series: its name and a small decorative SVG in its colour, marker and dash. */
  legend: { label: string; swatch: string }[];
  /** Label of the disclosure that reveals the data table, e.g. "Tampilkan sebagai tabel". */
  tableLabel: string;
  table: ChartTableData<Detail>;
};

/**
 * Shared wrapper for server-drawn charts: a figure with a visible caption, the SVG image, an HTML
 * legend and the same data as a table. Everything here works without JavaScript: the SVG scales
 * through its viewBox and the table sits in a native <details>.
 *
 * The SVG markup is inserted as HTML. It is ours, never user HTML: React's static renderer wrote
 * it on the server from numbers and from text it escaped (names, labels), so it cannot carry
 * markup a user typed.
 */
export function ChartFrame<Detail>({ chart, renderDetail }: { chart: DrawnChart<Detail>; renderDetail?: (detail: Detail) => ReactNode }) {
  const { title, table } = chart;
  // Index keys throughout: the lists never reorder, and labels (series names) may repeat.
  return (
    <figure className="space-y-3">
      <figcaption className="font-semibold text-slate-900">{title}</figcaption>
      <div dangerouslySetInnerHTML={{ __html: chart.svg }} />
      {chart.legend.length > 0 && (
        // An HTML legend wraps on narrow screens and keeps its font size, unlike text inside the scaled SVG.
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
          {chart.legend.map((item, index) => (
            <li key={index} className="flex items-center gap-2">
              {/* "contents": the swatch's <svg> is the flex item, as if it stood here itself. */}
              <span className="contents" dangerouslySetInnerHTML={{ __html: item.swatch }} />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">{chart.tableLabel}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full border-collapse text-left text-slate-900">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-4 font-semibold">
                  {table.rowHeader}
                </th>
                {table.columns.map((column, index) => (
                  <th key={index} scope="col" className="py-1 pr-4 text-right font-semibold">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {row.label}
                  </th>
                  {row.cells.map((cell, index) => {
                    const detail = cell.detail !== undefined && renderDetail ? renderDetail(cell.detail) : null;
                    return (
                      <td key={index} className="py-1 pr-4 text-right tabular-nums">
                        {cell.text}
                        {cell.text !== undefined && detail !== null ? " " : null}
                        {detail}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
