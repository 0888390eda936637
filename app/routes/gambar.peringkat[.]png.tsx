import type { LoaderFunctionArgs } from "@remix-run/node";
import { previewResponse } from "~/components/share/preview-image.server";
import { rankingsShare, shareSearch } from "~/components/share/share-cards.server";
import { RANKINGS_SHARE_QUERY } from "~/components/share/share-query";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { requestQuery } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";

/** `/gambar/peringkat.png?kerangka=…&tahun=…`: the rankings' preview picture, as a visitor sees them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [choices, translator] = await Promise.all([rankingChoices(requestQuery(request), null), translatorForRequest(request)]);
  if (!choices) throw new Response(null, { status: 404 });
  const { framework, data, query } = choices;
  const rankings = computeRankings(framework, data, query);
  return previewResponse(request, rankingsShare(translator, shareSearch(request, RANKINGS_SHARE_QUERY), { framework: framework.shortName, year: query.year, kind: query.kind, rows: rankings.rows }).card);
}
