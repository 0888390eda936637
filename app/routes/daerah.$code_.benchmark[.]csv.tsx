import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { regionBenchmarkExportTable } from "~/modules/benchmark/region-exports.server";
import { getRegionBenchmark } from "~/modules/benchmark/region-benchmark.server";
import { requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { downloadProblem, downloadResponse } from "~/modules/spreadsheets/export.server";
import { requestQuery } from "~/modules/http/request-input";
import { readYear } from "~/modules/http/url-query";

/** `/daerah/:code/benchmark.csv` and `.xlsx`: the region benchmark's figures as its page shows them for the same query. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const search = requestQuery(request);
  const translator = await translatorForRequest(request);
  if (!REGION_CODE_PATTERN.test(code)) throw downloadProblem(404, translator.t("errors.regionNotFoundBody"));
  const requestedYear = readYear(search);
  const [viewer, { framework }] = await Promise.all([currentUser(request, context), requireFrameworkChoice(search)]);
  const benchmark = await getRegionBenchmark(code, framework.slug, { year: requestedYear, group: search.get("kelompok") }, viewer);
  if (!benchmark) throw downloadProblem(404, translator.t("errors.regionNotFoundBody"));
  return downloadResponse(request, regionBenchmarkExportTable(benchmark, framework, translator));
}
