import type { MetaDescriptor } from "@remix-run/node";
import { localeFromRequest } from "../i18n/locale.server";
import { translatorFor } from "../i18n/translator.server";
import { appOrigin } from "./app-url.server";
import { buildPageMeta, type PageShare } from "./page-meta";

/**
 * The page's `<head>` tags, built in its loader: the same tags pageMeta gives from the root
 * loader's site facts, computed here from the request, so the route's `meta` only reads them
 * (loaderMeta) and its browser code does not carry the builder (the client JS budget).
 */
export async function serverPageMeta(request: Request, page: PageShare = {}): Promise<MetaDescriptor[]> {
  const locale = await localeFromRequest(request);
  const site = { origin: appOrigin(request), locale, description: translatorFor(locale).t("share.siteDescription") };
  return buildPageMeta(site, new URL(request.url), page);
}
