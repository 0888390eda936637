import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { regionHistoryExportTable } from "~/modules/benchmark/region-exports.server";
import { getGovernmentHistory } from "~/modules/benchmark/region-figures.server";
import { listFrameworks } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { getRegionProfile } from "~/modules/regions/regions.server";
import { downloadProblem, downloadResponse } from "~/modules/spreadsheets/export.server";

/** `/daerah/:code/riwayat.csv` and `.xlsx`: the history table of the region's page, every framework's rows named. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const [profile, translator] = await Promise.all([getRegionProfile(params.code ?? ""), translatorForRequest(request)]);
  if (!profile) throw downloadProblem(404, translator.t("errors.regionNotFoundBody"));
  const [history, frameworks] = await Promise.all([currentUser(request, context).then((viewer) => getGovernmentHistory(profile.region.code, viewer)), listFrameworks()]);
  return downloadResponse(request, regionHistoryExportTable(profile.region.code, history, frameworks, translator));
}
