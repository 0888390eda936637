import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";

/** The rankings exactly as the page shows them (same filters, same order), as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [choices, { t }] = await Promise.all([rankingChoices(SPBE_2020, new URL(request.url).searchParams), translatorForRequest(request)]);
  if (!choices) throw new Response(null, { status: 404 });
  const rows = await computeRankings(choices.data, choices.query);
  const csv = stringify([
    ["rank", "region_code", "region", "province", "year", "index", "predikat", "change_since_previous_year", "percentile", "data_kind", "source"],
    ...rows.map(({ candidate, rank, percentile, change }) => [
      rank,
      candidate.code,
      candidate.name,
      candidate.provinceName,
      choices.query.year,
      candidate.value.toFixed(choices.data.decimals),
      candidate.predikat ?? "",
      change === null ? "" : change.toFixed(choices.data.decimals),
      percentile,
      t(`benchmark.kind.${candidate.kind}`),
      candidate.source.url ?? candidate.source.citation ?? "",
    ]),
  ]);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="peringkat-spbe-${choices.query.year}.csv"`,
    },
  });
}
