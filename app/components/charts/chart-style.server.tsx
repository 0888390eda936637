import type { TickRendererProps } from "@visx/axis";
import { Circle, Polygon } from "@visx/shape";
import type { FigureKind } from "~/modules/benchmark/figure-kinds";

/*
 * Styling shared by the line and bar charts, so a page that shows both uses the same colour,
 * marker and dash for "the region", "the average" and so on.
 */

/**
 * Text props for visx axes. visx defaults to Arial 10px #222; the SVG is scaled down on narrow
 * screens, so labels start larger, use the page font and take their colour from the frame
 * (slate-700, which keeps AA contrast on white).
 */
export const axisTickLabelProps = { fill: "currentColor", fontSize: 12, fontFamily: "inherit" };
export const axisLabelProps = { fill: "currentColor", fontSize: 13, fontFamily: "inherit", textAnchor: "middle" } as const;
/** Axis and tick lines: decorative structure, lighter than the data but still 3:1 on white. */
export const axisLineClass = "stroke-slate-500";
/** Gridlines only help reading values off the axis; the marks and table carry the data. */
export const gridLineClass = "stroke-slate-200";

export type SeriesTone = "primary" | "muted" | "accent" | "teal" | "rose" | "violet";

/**
 * Every tone keeps at least 3:1 contrast against white (WCAG 1.4.11 for graphics):
 * slate-400 and amber-500 would fall below that, so the muted and accent tones are one step darker.
 */
const toneClasses: Record<SeriesTone, { fill: string; stroke: string }> = {
  primary: { fill: "fill-brand-700", stroke: "stroke-brand-700" },
  muted: { fill: "fill-slate-500", stroke: "stroke-slate-500" },
  accent: { fill: "fill-amber-600", stroke: "stroke-amber-600" },
  teal: { fill: "fill-teal-700", stroke: "stroke-teal-700" },
  rose: { fill: "fill-rose-700", stroke: "stroke-rose-700" },
  violet: { fill: "fill-violet-700", stroke: "stroke-violet-700" },
};

/** Tones in the order series get them when none is given: one colour per region or group. */
export const SERIES_TONES: readonly SeriesTone[] = ["primary", "muted", "accent", "teal", "rose", "violet"];

function toneOf(index: number, tone: SeriesTone | undefined): SeriesTone {
  return tone ?? SERIES_TONES[index % SERIES_TONES.length]!;
}

export function seriesFill(index: number, tone: SeriesTone | undefined): string {
  return toneClasses[toneOf(index, tone)].fill;
}

export function seriesStroke(index: number, tone: SeriesTone | undefined): string {
  return toneClasses[toneOf(index, tone)].stroke;
}

/**
 * How a kind of figure looks, so official and other figures are told apart in every chart even
 * in grey or without colour: official values are solid lines with filled circles; verified
 * levels, self-assessments and sample data each have their own dash and hollow marker shape.
 */
const kindStyles: Record<FigureKind, { dash: string | undefined; shape: MarkerShape; hollow: boolean }> = {
  official: { dash: undefined, shape: "circle", hollow: false },
  verified: { dash: "8 4", shape: "square", hollow: true },
  self: { dash: "4 3", shape: "triangle", hollow: true },
  sample: { dash: "2 3", shape: "diamond", hollow: true },
};

export function kindStyle(kind: FigureKind) {
  return kindStyles[kind];
}

export type MarkerShape = "circle" | "square" | "triangle" | "diamond";

/** Marker shapes by series position, for charts whose series are all of one kind (bars). */
const SHAPES_BY_POSITION: readonly MarkerShape[] = ["circle", "square", "triangle", "diamond"];

export function shapeAt(index: number): MarkerShape {
  return SHAPES_BY_POSITION[index % SHAPES_BY_POSITION.length]!;
}

type SeriesMarkerProps = {
  shape: MarkerShape;
  x: number;
  y: number;
  /** Colour classes from `seriesFill` and `seriesStroke`. */
  fill: string;
  stroke: string;
  /** A hollow marker (white inside, coloured outline) marks a figure that is not official. */
  hollow?: boolean;
};

/**
 * A marker of the given shape. Filled markers get a white outline that keeps overlapping
 * markers apart; hollow ones a coloured outline around white.
 */
export function SeriesMarker({ shape, x, y, fill, stroke, hollow = false }: SeriesMarkerProps) {
  const classes = hollow ? `fill-white ${stroke}` : `${fill} stroke-white`;
  const strokeWidth = hollow ? 2 : 1;
  switch (shape) {
    case "circle":
      return <Circle cx={x} cy={y} r={4.5} className={classes} strokeWidth={strokeWidth} />;
    case "square":
      // A four-sided polygon rotated by 45° is an axis-aligned square.
      return <Polygon sides={4} size={5.5} rotate={45} center={{ x, y }} className={classes} strokeWidth={strokeWidth} />;
    case "triangle":
      // Rotated by 90° the first corner points up, giving an upright triangle.
      return <Polygon sides={3} size={6} rotate={90} center={{ x, y }} className={classes} strokeWidth={strokeWidth} />;
    case "diamond":
      return <Polygon sides={4} size={6} center={{ x, y }} className={classes} strokeWidth={strokeWidth} />;
  }
}

type SeriesSwatchProps = {
  index: number;
  tone: SeriesTone | undefined;
  /** "line" draws a line segment with the marker, "bar" a bar stub ending in the marker. */
  variant: "line" | "bar";
  shape: MarkerShape;
  dash?: string;
  hollow?: boolean;
  /** For a bar: the hatch pattern its bars are filled with (non-official figures). */
  patternId?: string;
};

/** Legend sample for one series; decorative, since the legend text next to it names the series. */
export function SeriesSwatch({ index, tone, variant, shape, dash, hollow, patternId }: SeriesSwatchProps) {
  const fill = seriesFill(index, tone);
  const stroke = seriesStroke(index, tone);
  return (
    <svg aria-hidden="true" width="32" height="14" viewBox="0 0 32 14" className="shrink-0">
      {variant === "line" ? (
        <line x1={1} x2={31} y1={7} y2={7} className={stroke} strokeWidth={2} strokeDasharray={dash} />
      ) : patternId ? (
        <rect x={0.5} y={2.5} width={19} height={9} fill={`url(#${patternId})`} className={stroke} strokeWidth={1} />
      ) : (
        <rect x={0} y={2} width={20} height={10} className={fill} />
      )}
      <SeriesMarker shape={shape} x={variant === "line" ? 16 : 26} y={7} fill={fill} stroke={stroke} hollow={hollow} />
    </svg>
  );
}

/**
 * Diagonal hatching in a series' colour, for bars of figures that are not official. Defined
 * once per chart; the id must be unique on the page (chartElementId).
 */
export function HatchPattern({ id, index, tone }: { id: string; index: number; tone: SeriesTone | undefined }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
      <rect width={6} height={6} fill="white" />
      <line x1={0} y1={0} x2={0} y2={6} className={seriesStroke(index, tone)} strokeWidth={3} />
    </pattern>
  );
}

/*
 * Tick and axis labels as plain SVG <text>. visx's <Text> (which Axis uses by default) runs a
 * CSS calc() parser for every label, which was most of a chart's server render time.
 */
export function BottomTickLabel({ x, y, formattedValue }: TickRendererProps) {
  return (
    <text x={x} y={y} dy="0.9em" textAnchor="middle" {...axisTickLabelProps}>
      {formattedValue}
    </text>
  );
}

export function LeftTickLabel({ x, y, formattedValue }: TickRendererProps) {
  return (
    <text x={x} y={y} dx="-0.25em" dy="0.32em" textAnchor="end" {...axisTickLabelProps}>
      {formattedValue}
    </text>
  );
}

/** An axis title: centred under the plot, or turned along the left edge. */
export function AxisTitle({ text, side, length, offset }: { text: string; side: "bottom" | "left"; length: number; offset: number }) {
  return side === "bottom" ? (
    <text x={length / 2} y={offset} {...axisLabelProps}>
      {text}
    </text>
  ) : (
    <text transform={`rotate(-90)`} x={-length / 2} y={-offset} {...axisLabelProps}>
      {text}
    </text>
  );
}
