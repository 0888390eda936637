import type { LoaderFunctionArgs } from "@remix-run/node";
import { previewResponse } from "~/components/share/preview-image.server";
import { practiceShare } from "~/components/share/share-cards.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { getPracticeRegion, getRevision, practiceFromParams } from "~/modules/practices/index.server";
import { isPublic } from "~/modules/practices/workflow";

/** `/gambar/praktik/12.png`: a published practice's preview picture (title and region); nothing of drafts. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const practice = await practiceFromParams(/^(\d+)\.png$/.exec(params.name ?? "")?.[1]);
  if (!isPublic(practice)) throw new Response(null, { status: 404 });
  const [revision, region, translator] = await Promise.all([getRevision(practice.publishedRevisionId!), getPracticeRegion(practice.regionCode), translatorForRequest(request)]);
  if (!revision || !region) throw new Response(null, { status: 404 });
  return previewResponse(request, practiceShare(translator, practice, revision, region).card);
}
