import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { indicatorExportTable } from "~/modules/benchmark/indicator-export.server";
import { getIndicatorPage } from "~/modules/benchmark/indicator.server";
import { requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { downloadProblem, downloadResponse } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";
import { readYear } from "~/modules/http/url-query";

/** `/indikator/:number/sebaran.csv` and `.xlsx`: the indicator page's distribution and leaders for the same query. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const number = /^\d{1,3}$/.test(params.number ?? "") ? Number(params.number) : null;
  const search = requestQuery(request);
  const [viewer, { framework }, translator] = await Promise.all([currentUser(request, context), requireFrameworkChoice(search), translatorForRequest(request)]);
  const page = number === null ? null : await getIndicatorPage(framework.slug, number, readYear(search), viewer);
  if (!page) throw downloadProblem(404, translator.t("downloads.indicatorNotFound"));
  return downloadResponse(request, indicatorExportTable(page, framework, translator));
}
