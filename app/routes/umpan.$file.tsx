import type { LoaderFunctionArgs } from "@remix-run/node";
import { appUrl } from "~/modules/http/app-url.server";
import { requestQuery } from "~/modules/http/request-input";
import { translatorFor } from "~/modules/i18n/translator.server";
import { FEED_CONTENT_TYPES } from "~/modules/open-data/feed-links";
import { parseFeedFile } from "~/modules/open-data/feed-paths";
import { feedLocale, readFeedFilter, renderFeed } from "~/modules/open-data/feeds.server";

/**
 * Public feeds: /umpan/{praktik,hasil-resmi,adopsi}.{atom,json}, filtered by region, indicator,
 * tag or framework. An unknown filter value is a 404 with a message in plain text.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const feed = parseFeedFile(params.file ?? "");
  if (!feed) throw new Response(null, { status: 404 });
  const query = requestQuery(request);
  const [locale, filter] = await Promise.all([feedLocale(request, query), readFeedFilter(feed.name, query)]);
  if (!filter.ok) {
    return new Response(translatorFor(locale).t(`feeds.problem.${filter.problem}`), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const body = await renderFeed({ ...feed, filter: filter.filter, locale, origin: new URL(appUrl(request, "/")).origin });
  return new Response(body, {
    headers: { "Content-Type": `${FEED_CONTENT_TYPES[feed.format]}; charset=utf-8`, "Cache-Control": "public, max-age=300", Vary: "Cookie" },
  });
}
