import type { LoaderFunctionArgs } from "@remix-run/node";
import { previewResponse } from "~/components/share/preview-image.server";
import { regionShare } from "~/components/share/share-cards.server";
import { getGovernmentHistory } from "~/modules/benchmark/region-figures.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { getRegionProfile } from "~/modules/regions/regions.server";

/** `/gambar/daerah/32.73.png`: the region's preview picture (its latest official index). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = /^(.+)\.png$/.exec(params.name ?? "")?.[1] ?? "";
  const profile = await getRegionProfile(code);
  if (!profile) throw new Response(null, { status: 404 });
  const [history, translator] = await Promise.all([getGovernmentHistory(code, null), translatorForRequest(request)]);
  return previewResponse(request, regionShare(translator, profile.region, history.headline).card);
}
