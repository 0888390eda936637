import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { rankingsExportTable } from "~/modules/benchmark/rankings-export.server";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { downloadHeaders, tableToXlsx, XLSX_CONTENT_TYPE } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";

/** The rankings exactly as the page shows them (one framework, `?kerangka=`), as an Excel workbook with its sources and column descriptions. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const [choices, translator] = await Promise.all([currentUser(request, context).then((viewer) => rankingChoices(requestQuery(request), viewer)), translatorForRequest(request)]);
  if (!choices) throw new Response(null, { status: 404 });
  const table = rankingsExportTable(computeRankings(choices.framework, choices.data, choices.query), choices.query, choices.framework, translator);
  return new Response(await tableToXlsx(table), { headers: downloadHeaders(`${table.name}.xlsx`, XLSX_CONTENT_TYPE) });
}
