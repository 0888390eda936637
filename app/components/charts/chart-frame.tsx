import { useId, type ReactNode } from "react";

export type ChartTableData = {
  /** Header of the first column, e.g. "Tahun" or "Domain". */
  rowHeader: string;
  /** One header per data column (usually the series names). */
  columns: string[];
  /**
   * One row per x value or category; `cells` are already formatted and align with `columns`.
   * A cell may carry more than the value, e.g. its kind and source link.
   */
  rows: { label: string; cells: ReactNode[] }[];
};

export type ChartLegendItem = {
  label: string;
  /** Small decorative SVG drawn with the same colour/marker/dash as the series. */
  swatch: ReactNode;
};

export type ChartFrameProps = {
  /** Visible caption; also the accessible name of the chart image and the table caption. */
  title: string;
  /** Text summary of what the chart shows; the SVG's <desc>, read after the name. */
  description: string;
  /** Size of the SVG coordinate system. The SVG itself is 100% wide and keeps this aspect ratio. */
  width: number;
  height: number;
  legend: ChartLegendItem[];
  /** Label of the disclosure that reveals the data table, e.g. "Tampilkan sebagai tabel". */
  tableLabel: string;
  table: ChartTableData;
  /** SVG content (axes, marks) in the coordinate system given by width/height. */
  children: ReactNode;
};

/**
 * Shared wrapper for server-rendered charts: a figure with a visible caption, an SVG image with
 * its own <title>/<desc>, an HTML legend and the same data as a table. Everything here works without
 * JavaScript: the SVG scales through its viewBox and the table sits in a native <details>.
 */
export function ChartFrame({ title, description, width, height, legend, tableLabel, table, children }: ChartFrameProps) {
  // useId gives ids that match between server markup and hydration, unlike counters or random ids.
  const titleId = useId();
  const descId = useId();

  // Index keys throughout: the lists never reorder, and labels (series names) may repeat.
  return (
    <figure className="space-y-3">
      <figcaption className="font-semibold text-slate-900">{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        className="block h-auto text-slate-700"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {children}
      </svg>
      {legend.length > 0 && (
        // An HTML legend wraps on narrow screens and keeps its font size, unlike text inside the scaled SVG.
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
          {legend.map((item, index) => (
            <li key={index} className="flex items-center gap-2">
              {item.swatch}
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">{tableLabel}</summary>
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
                  {row.cells.map((cell, index) => (
                    <td key={index} className="py-1 pr-4 text-right tabular-nums">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
