import { AxisBottom, AxisLeft, type TickRendererProps } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, Line } from "@visx/shape";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";
import type { DrawnChart } from "./chart-frame";
import {
  AxisTitle,
  axisLineClass,
  BottomTickLabel,
  gridLineClass,
  HatchPattern,
  SeriesMarker,
  SeriesSwatch,
  seriesFill,
  seriesStroke,
  type SeriesTone,
  shapeAt,
} from "./chart-style.server";
import { chartElementId, drawChart } from "./draw-chart.server";

export type BarSeries = {
  /** Names the series in the legend and table; for a non-official kind, say so in the name. */
  name: string;
  /** One value per category, in the order of `categories`; null draws no bar and shows `noDataLabel`. */
  values: (number | null)[];
  /** Colour; defaults by position. The marker shape always follows position. */
  tone?: SeriesTone;
  /** The kind of the values (default official); bars of any other kind are hatched. */
  kind?: FigureKind;
};

export type GroupedBarChartProps = {
  /** Unique on the page: the ids inside the SVG derive from it. */
  id: string;
  /** Visible caption and accessible name. */
  title: string;
  /** Text summary of the comparison, read by screen readers after the title. */
  description: string;
  /** Category labels (e.g. SPBE domains or aspects), top to bottom. Long labels wrap, then truncate. */
  categories: string[];
  series: BarSeries[];
  /** Fixed value range (e.g. [0, 5] for the SPBE index) so charts of different regions stay comparable. */
  valueDomain: [number, number];
  /** Gridline/tick values; defaults to about five "nice" values from the scale. */
  valueTickValues?: number[];
  /** Header of the table's first column, e.g. "Domain". */
  categoryLabel: string;
  /** Label of the value axis, e.g. "Indeks". */
  valueLabel: string;
  /** Formats values at bar ends, in tooltips and in the table, e.g. 3,81 in Indonesian. */
  formatValue: (n: number) => string;
  /** Formats value-axis ticks; defaults to formatValue (pass one without decimals for "0 1 2 …"). */
  formatTick?: (n: number) => string;
  /** Label of the "show as table" disclosure. */
  tableLabel: string;
  /** Text for a missing value, at the bar position and in the table. */
  noDataLabel: string;
};

// Coordinate system of the SVG; the height grows with the number of categories and series.
const WIDTH = 640;
// The wide left margin holds the wrapped category labels; the right one the value label of a full bar.
const MARGIN = { top: 8, right: 64, bottom: 56, left: 200 };
const BAR_STEP = 22;
const GROUP_GAP = 16;
const FONT_SIZE = 12;
// A label line holds about 30 characters in the left margin at this font size; 26 leaves room for wide letters.
const LABEL_MAX_CHARS = 26;
const LABEL_MAX_LINES = 3;
const LABEL_LINE_EM = 1.2;
// Space between a bar end and its marker, and between the marker and the value label.
const MARKER_OFFSET = 7;
const VALUE_LABEL_OFFSET = 15;

/**
 * Horizontal bars, one group per category and one bar per series in each group, drawn as static SVG.
 * Each bar ends in the series marker and its value, so series can be told apart without colour.
 * Drawn for ChartFrame.
 */
export function drawGroupedBarChart({
  id,
  title,
  description,
  categories,
  series,
  valueDomain,
  valueTickValues,
  categoryLabel,
  valueLabel,
  formatValue,
  formatTick = formatValue,
  tableLabel,
  noDataLabel,
}: GroupedBarChartProps): DrawnChart {
  // Each group is tall enough for its bars and for a category label of the maximum number of lines.
  const groupHeight = Math.max(series.length * BAR_STEP, LABEL_MAX_LINES * LABEL_LINE_EM * FONT_SIZE) + GROUP_GAP;
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = categories.length * groupHeight;
  const height = MARGIN.top + innerHeight + MARGIN.bottom;

  // clamp keeps an out-of-range value inside the plot; the table still shows the real number.
  const xScale = scaleLinear<number>({ domain: valueDomain, range: [0, innerWidth], clamp: true });
  const xTicks = valueTickValues ?? xScale.ticks(5);
  // Categories and series are keyed by position: labels are free text and could repeat.
  const categoryScale = scaleBand<number>({
    domain: categories.map((_, index) => index),
    range: [0, innerHeight],
    paddingInner: 0.2,
    paddingOuter: 0.1,
  });
  const seriesScale = scaleBand<number>({
    domain: series.map((_, index) => index),
    range: [0, categoryScale.bandwidth()],
    paddingInner: 0.15,
  });
  const barStart = xScale(valueDomain[0]);

  const table = {
    rowHeader: categoryLabel,
    columns: series.map((s) => s.name),
    rows: categories.map((category, categoryIndex) => ({
      label: category,
      cells: series.map((s) => {
        const value = s.values[categoryIndex] ?? null;
        return { text: value === null ? noDataLabel : formatValue(value) };
      }),
    })),
  };

  const patternOf = (index: number) => ((series[index]!.kind ?? "official") === "official" ? undefined : chartElementId(id, `hatch-${index}`));
  const legend = series.map((s, index) => ({
    label: s.name,
    swatch: <SeriesSwatch index={index} tone={s.tone} variant="bar" shape={shapeAt(index)} patternId={patternOf(index)} />,
  }));

  return drawChart({
    id,
    title,
    description,
    width: WIDTH,
    height,
    legend,
    tableLabel,
    table,
    children: (
      <>
        <defs>
          {series.map((s, index) => {
            const id = patternOf(index);
            return id ? <HatchPattern key={index} id={id} index={index} tone={s.tone} /> : null;
          })}
        </defs>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {xTicks.map((tick) => (
            <Line
              key={tick}
              from={{ x: xScale(tick), y: 0 }}
              to={{ x: xScale(tick), y: innerHeight }}
              className={gridLineClass}
            />
          ))}
          <AxisTitle text={valueLabel} side="bottom" length={innerWidth} offset={innerHeight + 40} />
          <AxisBottom
            top={innerHeight}
            scale={xScale}
            tickValues={xTicks}
            tickFormat={(value) => formatTick(Number(value))}
            tickComponent={BottomTickLabel}
            axisLineClassName={axisLineClass}
            tickLineProps={{ className: axisLineClass }}
          />
          {categories.map((category, categoryIndex) => (
            <Group key={categoryIndex} top={categoryScale(categoryIndex) ?? 0}>
              {series.map((s, seriesIndex) => {
                const value = s.values[categoryIndex] ?? null;
                const barY = seriesScale(seriesIndex) ?? 0;
                const barHeight = seriesScale.bandwidth();
                const barEnd = value === null ? barStart : xScale(value);
                const centerY = barY + barHeight / 2;
                const valueText = value === null ? noDataLabel : formatValue(value);
                const fill = seriesFill(seriesIndex, s.tone);
                const stroke = seriesStroke(seriesIndex, s.tone);
                const pattern = patternOf(seriesIndex);
                return (
                  <g key={seriesIndex}>
                    {/* Native tooltip naming series and category, which the value label alone does not. */}
                    <title>{`${s.name}, ${category}: ${valueText}`}</title>
                    {value !== null &&
                      (pattern ? (
                        <Bar x={barStart} y={barY} width={barEnd - barStart} height={barHeight} fill={`url(#${pattern})`} className={stroke} strokeWidth={1} />
                      ) : (
                        <Bar x={barStart} y={barY} width={barEnd - barStart} height={barHeight} className={fill} />
                      ))}
                    <SeriesMarker shape={shapeAt(seriesIndex)} x={barEnd + MARKER_OFFSET} y={centerY} fill={fill} stroke={stroke} />
                    <text x={barEnd + VALUE_LABEL_OFFSET} y={centerY} dy="0.32em" fontSize={FONT_SIZE} fill="currentColor" className="font-medium">
                      {valueText}
                    </text>
                  </g>
                );
              })}
            </Group>
          ))}
          {/* Drawn after the bars so the axis line sits on top of the bar starts. */}
          <AxisLeft
            scale={categoryScale}
            hideTicks
            tickFormat={(index) => categories[index] ?? ""}
            tickComponent={CategoryLabel}
            axisLineClassName={axisLineClass}
          />
        </Group>
      </>
    ),
  });
}

/**
 * Category label wrapped over up to three lines. visx's <Text width> measures words in the DOM,
 * which does not exist on the server where charts are drawn: it would render one long line.
 * Wrapping by character count needs no DOM.
 */
function CategoryLabel({ x, y, formattedValue }: TickRendererProps) {
  const label = formattedValue ?? "";
  const { lines, truncated } = wrapWords(label, LABEL_MAX_CHARS, LABEL_MAX_LINES);
  // Shift the first line up so the block of lines is centred on the group.
  const firstLineDy = `${0.32 - ((lines.length - 1) * LABEL_LINE_EM) / 2}em`;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={FONT_SIZE} fill="currentColor">
      {/* A truncated label stays readable in full as a tooltip (and in the table). */}
      {truncated && <title>{label}</title>}
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? firstLineDy : `${LABEL_LINE_EM}em`}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Greedy word wrap by character count; text beyond maxLines is cut and ends in an ellipsis. */
function wrapWords(text: string, maxChars: number, maxLines: number): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const current = lines[lines.length - 1];
    if (current !== undefined && current.length + 1 + word.length <= maxChars) {
      lines[lines.length - 1] = `${current} ${word}`;
    } else {
      lines.push(word);
    }
  }
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return { lines: kept, truncated: true };
}
