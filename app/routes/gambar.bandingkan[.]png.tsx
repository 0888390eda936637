import type { LoaderFunctionArgs } from "@remix-run/node";
import { previewResponse } from "~/components/share/preview-image.server";
import { compareShare, shareSearch } from "~/components/share/share-cards.server";
import { COMPARE_SHARE_QUERY } from "~/components/share/share-query";
import { compareRegions } from "~/modules/benchmark/compare.server";
import { requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { requestQuery } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";

/** `/gambar/bandingkan.png?daerah=…`: the comparison's preview picture (the regions and their official index). */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = requestQuery(request);
  const { framework } = await requireFrameworkChoice(params);
  const [comparison, translator] = await Promise.all([compareRegions(framework.slug, params, null), translatorForRequest(request)]);
  if (!comparison) throw new Response(null, { status: 404 });
  return previewResponse(request, compareShare(translator, shareSearch(request, COMPARE_SHARE_QUERY), framework.shortName, comparison).card);
}
