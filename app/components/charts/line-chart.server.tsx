import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Line, LinePath } from "@visx/shape";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import type { ChartCell, DrawnChart } from "./chart-frame";
import {
  AxisTitle,
  axisLineClass,
  axisTickLabelProps,
  BottomTickLabel,
  gridLineClass,
  kindStyle,
  LeftTickLabel,
  SeriesMarker,
  SeriesSwatch,
  seriesFill,
  seriesStroke,
  type SeriesTone,
} from "./chart-style.server";
import { drawChart } from "./draw-chart.server";

/**
 * One value per year; `y: null` means "no value that year" and leaves a gap in the line.
 * `detail` follows the value in the data table, where ChartFrame's renderDetail shows it (e.g. as source links).
 */
export type LinePoint<Detail = never> = { x: number; y: number | null; detail?: Detail };

export type LineSeries<Detail = never> = {
  /** Names the series in the legend and table; for a non-official kind, say so in the name. */
  name: string;
  points: LinePoint<Detail>[];
  /** Colour: one per region or group; defaults by position. */
  tone?: SeriesTone;
  /**
   * The kind of every point in the series (default official). A series holds one kind only, so
   * a line never joins figures of two kinds; the kind sets the dash and marker (see kindStyle).
   */
  kind?: FigureKind;
};

export type LineChartProps<Detail = never> = {
  /** Unique on the page: the ids inside the SVG derive from it. */
  id: string;
  /** Visible caption and accessible name. */
  title: string;
  /** Text summary of the trend, read by screen readers after the title. */
  description: string;
  series: LineSeries<Detail>[];
  /** Fixed y range (e.g. [0, 5] for the SPBE index) so charts of different regions stay comparable. */
  yDomain: [number, number];
  /** Gridline/tick values; defaults to about five "nice" values from the scale. */
  yTickValues?: number[];
  /** Axis label of the years; also the header of the table's first column. */
  xLabel: string;
  yLabel: string;
  /** Formats data values in tooltips and the table, e.g. 3,81 in Indonesian. */
  formatValue: (n: number) => string;
  /** Formats y tick labels; defaults to formatValue (pass one without decimals for "0 1 2 …"). */
  formatTick?: (n: number) => string;
  /** Label of the "show as table" disclosure. */
  tableLabel: string;
  /** Table cell text for a year without a value. */
  noDataLabel: string;
  /**
   * Labelled vertical lines between two years, where the series change framework: a reader sees
   * that the lines before and after measure different things and are not one trend.
   */
  breaks?: { after: number; label: string }[];
};

// Coordinate system of the SVG; it is scaled to the container width by the viewBox.
const WIDTH = 640;
const HEIGHT = 320;
const MARGIN = { top: 16, right: 24, bottom: 56, left: 64 };
// Keeps the first and last markers clear of the y axis and the right edge.
const X_INSET = 16;

/** Years on x, index values on y; one line with markers per series, drawn as static SVG for ChartFrame. */
export function drawLineChart<Detail = never>({
  id,
  title,
  description,
  series,
  yDomain,
  yTickValues,
  xLabel,
  yLabel,
  formatValue,
  formatTick = formatValue,
  tableLabel,
  noDataLabel,
  breaks = [],
}: LineChartProps<Detail>): DrawnChart<Detail> {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;

  // Every year that appears in any series gets a tick and a table row.
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const firstYear = years[0];
  const lastYear = years[years.length - 1];

  const xScale = scaleLinear<number>({
    // An empty chart still needs a valid domain, otherwise the scale returns NaN.
    domain: firstYear === undefined || lastYear === undefined ? [0, 1] : [firstYear, lastYear],
    range: [X_INSET, innerWidth - X_INSET],
  });
  // clamp keeps an out-of-range value inside the plot; the table still shows the real number.
  const yScale = scaleLinear<number>({ domain: yDomain, range: [innerHeight, 0], clamp: true });
  const yTicks = yTickValues ?? yScale.ticks(5);

  // Points are drawn in year order even if the caller passes them unsorted.
  const sortedSeries = series.map((s) => ({ ...s, points: [...s.points].sort((a, b) => a.x - b.x) }));

  const table = {
    rowHeader: xLabel,
    columns: series.map((s) => s.name),
    rows: years.map((year) => ({
      label: String(year),
      cells: series.map((s): ChartCell<Detail> => {
        const point = s.points.find((p) => p.x === year);
        // A year without one value may still have something to say (e.g. disputed values).
        if (point?.y === undefined || point.y === null) return point?.detail === undefined ? { text: noDataLabel } : { detail: point.detail };
        return { text: formatValue(point.y), detail: point.detail };
      }),
    })),
  };

  const legend = series.map((s, index) => {
    const style = kindStyle(s.kind ?? "official");
    return { label: s.name, swatch: <SeriesSwatch index={index} tone={s.tone} variant="line" shape={style.shape} dash={style.dash} hollow={style.hollow} /> };
  });

  return drawChart({
    id,
    title,
    description,
    width: WIDTH,
    height: HEIGHT,
    legend,
    tableLabel,
    table,
    children: (
      <Group left={MARGIN.left} top={MARGIN.top}>
        {yTicks.map((tick) => (
          <Line
            key={tick}
            from={{ x: 0, y: yScale(tick) }}
            to={{ x: innerWidth, y: yScale(tick) }}
            className={gridLineClass}
          />
        ))}
        <AxisTitle text={yLabel} side="left" length={innerHeight} offset={48} />
        <AxisTitle text={xLabel} side="bottom" length={innerWidth} offset={innerHeight + 44} />
        <AxisLeft
          scale={yScale}
          tickValues={yTicks}
          tickFormat={(value) => formatTick(Number(value))}
          tickComponent={LeftTickLabel}
          axisLineClassName={axisLineClass}
          tickLineProps={{ className: axisLineClass }}
        />
        <AxisBottom
          top={innerHeight}
          scale={xScale}
          tickValues={years}
          // Years are labels, not quantities: no thousands separator ("2.024" in Indonesian).
          tickFormat={(value) => String(value)}
          tickComponent={BottomTickLabel}
          axisLineClassName={axisLineClass}
          tickLineProps={{ className: axisLineClass }}
        />
        {breaks.map(({ after, label }) => {
          const next = years.find((year) => year > after) ?? after + 1;
          const x = (xScale(after) + xScale(next)) / 2;
          return (
            <g key={after}>
              <Line from={{ x, y: 0 }} to={{ x, y: innerHeight }} className={axisLineClass} strokeDasharray="6 4" />
              <text x={x} y={0} dy="-0.2em" textAnchor="middle" {...axisTickLabelProps}>
                {label}
              </text>
            </g>
          );
        })}
        {sortedSeries.map((s, index) => {
          const style = kindStyle(s.kind ?? "official");
          return (
            <g key={index}>
              <LinePath<LinePoint<Detail>>
                data={s.points}
                x={(p) => xScale(p.x)}
                y={(p) => yScale(p.y ?? 0)}
                // Missing years break the line instead of drawing a slope through them.
                defined={(p) => p.y !== null}
                className={seriesStroke(index, s.tone)}
                fill="none"
                strokeWidth={2.5}
                strokeLinejoin="round"
                strokeDasharray={style.dash}
              />
              {s.points.map((p) =>
                p.y === null ? null : (
                  // A <title> gives the exact value as a native tooltip on hover, without JavaScript.
                  <g key={p.x}>
                    <title>{`${s.name}, ${p.x}: ${formatValue(p.y)}`}</title>
                    <SeriesMarker shape={style.shape} hollow={style.hollow} x={xScale(p.x)} y={yScale(p.y)} fill={seriesFill(index, s.tone)} stroke={seriesStroke(index, s.tone)} />
                  </g>
                ),
              )}
            </g>
          );
        })}
      </Group>
    ),
  });
}
