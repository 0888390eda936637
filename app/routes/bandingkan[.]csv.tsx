import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { compareExportTable } from "~/modules/benchmark/compare-export.server";
import { compareRegions } from "~/modules/benchmark/compare.server";
import { requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { downloadProblem, downloadResponse } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";

/** `/bandingkan.csv` and `/bandingkan.xlsx`: the comparison table exactly as `/bandingkan` shows it for the same query. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = requestQuery(request);
  const [{ framework }, viewer, translator] = await Promise.all([requireFrameworkChoice(params), currentUser(request, context), translatorForRequest(request)]);
  const comparison = await compareRegions(framework.slug, params, viewer);
  if (!comparison) throw downloadProblem(404, translator.t("errors.notFoundBody"));
  // The page shows no table for fewer than two regions: there is nothing to download either.
  if (comparison.selection.codes.length < 2) throw downloadProblem(400, translator.t("downloads.compareTooFew"));
  return downloadResponse(request, compareExportTable(comparison, framework, translator));
}
