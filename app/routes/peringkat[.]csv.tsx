import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { rankingsExportTable } from "~/modules/benchmark/rankings-export.server";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { CSV_CONTENT_TYPE, downloadHeaders, parseCsvStyle, tableToCsv } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";

/** The rankings exactly as the page shows them (one framework, `?kerangka=`), as CSV for Indonesian Excel (`gaya=id`) or international (`gaya=intl`). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = requestQuery(request);
  const [choices, translator] = await Promise.all([currentUser(request, context).then((viewer) => rankingChoices(params, viewer)), translatorForRequest(request)]);
  if (!choices) throw new Response(null, { status: 404 });
  const table = rankingsExportTable(computeRankings(choices.framework, choices.data, choices.query), choices.query, choices.framework, translator);
  const style = parseCsvStyle(params.get("gaya"));
  return new Response(tableToCsv(table, style), { headers: downloadHeaders(`${table.name}.csv`, CSV_CONTENT_TYPE) });
}
