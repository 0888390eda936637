import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { importTemplateTable } from "~/modules/benchmark/official-import.server";
import { requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { downloadHeaders, tableToXlsx, XLSX_CONTENT_TYPE } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";

/** The official-results template of the chosen framework (`?kerangka=`) as an Excel workbook. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "assessment.import" });
  const { framework } = await requireFrameworkChoice(requestQuery(request));
  const table = await importTemplateTable(await translatorForRequest(request), framework.slug);
  return new Response(await tableToXlsx(table), { headers: downloadHeaders(`${table.name}.xlsx`, XLSX_CONTENT_TYPE) });
}
