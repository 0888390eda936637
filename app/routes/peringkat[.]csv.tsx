import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { rankingsExportTable } from "~/modules/benchmark/rankings-export.server";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { CSV_CONTENT_TYPE, downloadHeaders, parseCsvStyle, tableToCsv } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";

/** The rankings exactly as the page shows them, as CSV for Indonesian Excel (`gaya=id`) or international (`gaya=intl`). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = requestQuery(request);
  const [choices, translator] = await Promise.all([currentUser(request, context).then((viewer) => rankingChoices(SPBE_2020, params, viewer)), translatorForRequest(request)]);
  if (!choices) throw new Response(null, { status: 404 });
  const table = rankingsExportTable(await computeRankings(choices.data, choices.query), choices.query, choices.data.decimals, translator);
  const style = parseCsvStyle(params.get("gaya"));
  return new Response(tableToCsv(table, style), { headers: downloadHeaders(`${table.name}.csv`, CSV_CONTENT_TYPE) });
}
