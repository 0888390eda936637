import { FigureSources, FigureValue } from "~/components/benchmark/figure";
import type { PublishedValue } from "~/modules/benchmark/published-values";
import { useTranslator } from "~/modules/i18n/use-translator";

export interface AverageView {
  label: string;
  year: number;
  value: number | null;
  disputed: boolean;
  published: PublishedValue[];
}

/**
 * Group averages exactly as sources publish them (never computed here from the regions we
 * happen to know), each with its source and the sentence it was read from.
 */
export function PublishedAverages({ averages }: { averages: readonly AverageView[] }) {
  const { t } = useTranslator();
  if (averages.length === 0) return null;
  return (
    <section aria-labelledby="averages-heading" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="averages-heading" className="text-base font-semibold">
        {t("figures.publishedAverages")}
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t("figures.publishedAveragesHelp")}</p>
      <ul className="mt-2 space-y-2 text-sm">
        {averages.map((average) => (
          <li key={`${average.label}:${average.year}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span>
              {average.label} ({average.year}):
            </span>
            <FigureValue figure={{ ...average, kind: "official", decimals: 2, source: null }} className="font-semibold" />
            <span className="text-xs">
              <FigureSources figure={{ ...average, kind: "official", decimals: 2, source: null }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
