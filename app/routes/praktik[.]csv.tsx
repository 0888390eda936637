import type { LoaderFunctionArgs } from "@remix-run/node";
import { appUrl } from "~/modules/http/app-url.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { practiceListExportTable } from "~/modules/practices/practice-list-export.server";
import { readPracticeListQuery } from "~/modules/practices/practice-list.server";
import { practiceListSearch } from "~/modules/practices/practice-query";
import { downloadResponse } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";

/** `/praktik.csv` and `/praktik.xlsx`: the published practices `/praktik` lists for the same filters and order, every page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [{ query }, translator] = await Promise.all([readPracticeListQuery(requestQuery(request)), translatorForRequest(request)]);
  const urls = { list: appUrl(request, `/praktik${practiceListSearch(query, { page: 1 })}`), practice: (id: number) => appUrl(request, `/praktik/${id}`) };
  return downloadResponse(request, await practiceListExportTable(query, urls, translator));
}
