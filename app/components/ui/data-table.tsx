import type { AriaAttributes, ReactNode } from "react";

/** One column of a DataTable: its header and how a row fills its cell. */
export interface DataColumn<Row> {
  /** React key of the column; unique within the table. */
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers and levels line up: "end" for figures, "center" for levels. */
  align?: "start" | "center" | "end";
  /**
   * The cell that names its row is a row header, so screen readers announce it with each value.
   * Browsers make header cells bold; give the column its weight in `cellClassName`.
   */
  rowHeader?: boolean;
  /** Columns a phone can do without. */
  hideBelow?: "sm" | "md";
  /** aria-sort of a column the page lets people sort by. */
  sort?: AriaAttributes["aria-sort"];
  /** Extra classes for this column's cells (tabular-nums, break-all, a font weight…), or per row. */
  cellClassName?: string | ((row: Row) => string);
}

const alignClass = { start: "", center: "text-center", end: "text-right" } as const;
const hideClass = { sm: "hidden sm:table-cell", md: "hidden md:table-cell" } as const;
/** Cell padding: "dense" for long tables of short values (indicators, import previews). */
const densityClass = {
  normal: { header: "px-4 py-3", cell: "px-4 py-3" },
  compact: { header: "px-3 py-2", cell: "px-3 py-2" },
  dense: { header: "px-3 py-2", cell: "px-3 py-1.5" },
} as const;

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

/**
 * The site's one data table: a bordered, horizontally scrollable box with a grey header row.
 * The caption is for screen readers unless `captionVisible`.
 */
export function DataTable<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  rowClassName,
  density = "normal",
  stickyHeader = false,
  className,
}: {
  caption?: ReactNode;
  captionVisible?: boolean;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  rowClassName?: (row: Row) => string | undefined;
  density?: keyof typeof densityClass;
  /** Keep the header in view while the box scrolls (the box sets its own height). */
  stickyHeader?: boolean;
  /** Classes of the scrolling box: margins, a maximum height. */
  className?: string;
}) {
  const padding = densityClass[density];
  return (
    <div className={classes("overflow-x-auto rounded-lg border border-slate-200 bg-white", className)}>
      <table className="w-full text-left text-sm">
        {caption ? <caption className={captionVisible ? "px-4 py-2 text-left font-semibold" : "sr-only"}>{caption}</caption> : null}
        <thead className={classes("bg-slate-100 text-slate-700", stickyHeader && "sticky top-0")}>
          <tr>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={column.sort}
                className={classes(padding.header, alignClass[column.align ?? "start"], column.hideBelow && hideClass[column.hideBelow])}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
              {columns.map((column) => {
                const cellClassName = typeof column.cellClassName === "function" ? column.cellClassName(row) : column.cellClassName;
                const className = classes(
                  padding.cell,
                  alignClass[column.align ?? "start"],
                  column.hideBelow && hideClass[column.hideBelow],
                  cellClassName,
                );
                return column.rowHeader ? (
                  <th key={column.id} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.id} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
