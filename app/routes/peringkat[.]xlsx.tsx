import type { LoaderFunctionArgs } from "@remix-run/node";
import { rankingsExportTable } from "~/modules/benchmark/rankings-export.server";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { downloadHeaders, tableToXlsx, XLSX_CONTENT_TYPE } from "~/modules/spreadsheets/export.server";

/** The rankings exactly as the page shows them, as an Excel workbook with its sources and column descriptions. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [choices, translator] = await Promise.all([rankingChoices(SPBE_2020, new URL(request.url).searchParams), translatorForRequest(request)]);
  if (!choices) throw new Response(null, { status: 404 });
  const table = rankingsExportTable(await computeRankings(choices.data, choices.query), choices.query, choices.data.decimals, translator);
  return new Response(await tableToXlsx(table), { headers: downloadHeaders(`${table.name}.xlsx`, XLSX_CONTENT_TYPE) });
}
