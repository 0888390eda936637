import type { TickRendererProps } from "@visx/axis";
import { Circle, Polygon } from "@visx/shape";

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

export type SeriesTone = "primary" | "muted" | "accent";

/**
 * Every tone keeps at least 3:1 contrast against white (WCAG 1.4.11 for graphics):
 * slate-400 and amber-500 would fall below that, so the muted and accent tones are one step darker.
 */
const toneClasses: Record<SeriesTone, { fill: string; stroke: string }> = {
  primary: { fill: "fill-brand-700", stroke: "stroke-brand-700" },
  muted: { fill: "fill-slate-500", stroke: "stroke-slate-500" },
  accent: { fill: "fill-amber-600", stroke: "stroke-amber-600" },
};

const defaultToneOrder: SeriesTone[] = ["primary", "muted", "accent"];

/** Dash patterns by series position, so lines differ even when printed in grey or seen without colour. */
const dashPatterns: (string | undefined)[] = [undefined, "6 4", "2 3", "10 3 2 3"];

export function seriesFill(index: number, tone: SeriesTone | undefined): string {
  return toneClasses[tone ?? defaultToneOrder[index % defaultToneOrder.length]!].fill;
}

export function seriesStroke(index: number, tone: SeriesTone | undefined): string {
  return toneClasses[tone ?? defaultToneOrder[index % defaultToneOrder.length]!].stroke;
}

export function seriesDash(index: number): string | undefined {
  return dashPatterns[index % dashPatterns.length];
}

type SeriesMarkerProps = {
  /** Position of the series; picks the shape (circle, square, triangle, diamond). */
  index: number;
  x: number;
  y: number;
  /** Colour class from `seriesFill`. */
  className: string;
};

/**
 * A marker whose shape depends on the series, so series stay distinguishable without colour.
 * The white outline keeps overlapping markers of different series apart.
 */
export function SeriesMarker({ index, x, y, className }: SeriesMarkerProps) {
  const classes = `${className} stroke-white`;
  switch (index % 4) {
    case 0:
      return <Circle cx={x} cy={y} r={4.5} className={classes} strokeWidth={1} />;
    case 1:
      // A four-sided polygon rotated by 45° is an axis-aligned square.
      return <Polygon sides={4} size={5.5} rotate={45} center={{ x, y }} className={classes} strokeWidth={1} />;
    case 2:
      // Rotated by 90° the first corner points up, giving an upright triangle.
      return <Polygon sides={3} size={6} rotate={90} center={{ x, y }} className={classes} strokeWidth={1} />;
    default:
      return <Polygon sides={4} size={6} center={{ x, y }} className={classes} strokeWidth={1} />;
  }
}

type SeriesSwatchProps = {
  index: number;
  tone: SeriesTone | undefined;
  /** "line" draws a dashed line segment with the marker, "bar" a bar stub ending in the marker. */
  variant: "line" | "bar";
};

/** Legend sample for one series; decorative, since the legend text next to it names the series. */
export function SeriesSwatch({ index, tone, variant }: SeriesSwatchProps) {
  return (
    <svg aria-hidden="true" width="32" height="14" viewBox="0 0 32 14" className="shrink-0">
      {variant === "line" ? (
        <line
          x1={1}
          x2={31}
          y1={7}
          y2={7}
          className={seriesStroke(index, tone)}
          strokeWidth={2}
          strokeDasharray={seriesDash(index)}
        />
      ) : (
        <rect x={0} y={2} width={20} height={10} className={seriesFill(index, tone)} />
      )}
      <SeriesMarker index={index} x={variant === "line" ? 16 : 26} y={7} className={seriesFill(index, tone)} />
    </svg>
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
