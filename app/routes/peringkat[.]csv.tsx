import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { rankingsExportTable } from "~/modules/benchmark/rankings-export.server";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { downloadResponse } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";

/**
 * The rankings exactly as the page shows them (one framework, `?kerangka=`): `/peringkat.csv`
 * for Indonesian Excel (`gaya=id`) or international (`gaya=intl`), and `/peringkat.xlsx` (the
 * same loader) as a workbook with its sources and column descriptions.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const [choices, translator] = await Promise.all([currentUser(request, context).then((viewer) => rankingChoices(requestQuery(request), viewer)), translatorForRequest(request)]);
  if (!choices) throw new Response(null, { status: 404 });
  return downloadResponse(request, rankingsExportTable(computeRankings(choices.framework, choices.data, choices.query), choices.query, choices.framework, translator));
}
