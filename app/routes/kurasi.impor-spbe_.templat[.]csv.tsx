import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { importTemplateTable } from "~/modules/benchmark/official-import.server";
import { requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { CSV_CONTENT_TYPE, downloadHeaders, parseCsvStyle, tableToCsv } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";

/** The official-results template of the chosen framework (`?kerangka=`) as CSV for Indonesian Excel (or `gaya=intl`). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "assessment.import" });
  const { framework } = await requireFrameworkChoice(requestQuery(request));
  const table = await importTemplateTable(await translatorForRequest(request), framework.slug);
  const style = parseCsvStyle(requestQuery(request).get("gaya"));
  return new Response(tableToCsv(table, style), { headers: downloadHeaders(`${table.name}.csv`, CSV_CONTENT_TYPE) });
}
