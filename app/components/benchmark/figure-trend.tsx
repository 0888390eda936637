import { FigureSources, FigureValue, type FigureView } from "~/components/benchmark/figure";
import { ChartFrame, type DrawnChart } from "~/components/charts/chart-frame";

/**
 * What the trend table shows beside a value: the figure's sources. A year whose sources disagree
 * has no one value, so there the figure's values are shown with their sources (`withValues`).
 */
export interface TrendDetail {
  figure: FigureView;
  withValues: boolean;
}

/**
 * Index values per year (drawn by drawFigureTrend on the server), with every value and its
 * sources in the table under the chart; disputed values appear there with each source's number.
 */
export function FigureTrendChart({ chart }: { chart: DrawnChart<TrendDetail> }) {
  return (
    <ChartFrame
      chart={chart}
      renderDetail={({ figure, withValues }) =>
        withValues ? (
          <span className="text-xs">
            <FigureValue figure={figure} /> <FigureSources figure={figure} />
          </span>
        ) : (
          <span className="block text-xs font-normal">
            <FigureSources figure={figure} />
          </span>
        )
      }
    />
  );
}
