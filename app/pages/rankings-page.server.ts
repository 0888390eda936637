import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { RANKING_PAGE_SIZE } from "~/modules/benchmark/rankings";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { feedDiscoveryLinks } from "~/modules/open-data/feed-links";
import { pageFeeds } from "~/modules/open-data/feeds.server";
import { requestQuery } from "~/modules/http/request-input";
import { canonicalUrl } from "~/modules/http/app-url.server";
import { rankingsShare, shareSearch } from "~/components/share/share-cards.server";
import { RANKINGS_SHARE_QUERY } from "~/components/share/share-query";

/*
 * The rankings page's server side (peringkat._index.tsx) in one module: the route imports only
 * this, so its browser build gets one empty stand-in for server code instead of one per module.
 */

export async function rankingsPageData({ request, context }: LoaderFunctionArgs) {
  const [choices, translator] = await Promise.all([currentUser(request, context).then((viewer) => rankingChoices(requestQuery(request), viewer)), translatorForRequest(request)]);
  const { t } = translator;
  if (!choices) throw new Response(null, { status: 404 });
  const { framework, data, query } = choices;
  const rankings = computeRankings(framework, data, query);
  const pageCount = Math.max(1, Math.ceil(rankings.rows.length / RANKING_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  // Only what the table shows travels to the browser: the loader data is part of the page.
  const row = (entry: (typeof rankings.disputed)[number]) => ({
    code: entry.code,
    name: entry.name,
    provinceName: entry.provinceName,
    predikat: entry.predikat,
    notes: entry.notes,
    figure: { kind: entry.figure.kind, value: entry.figure.value, decimals: entry.figure.decimals, disputed: entry.figure.disputed, published: entry.figure.published, source: entry.figure.source, mismatch: entry.figure.mismatch },
  });
  const { description, image } = rankingsShare(translator, shareSearch(request, RANKINGS_SHARE_QUERY), { framework: framework.shortName, year: query.year, kind: query.kind, rows: rankings.rows });
  const title = t("rankings.title", { framework: framework.shortName, year: query.year });
  const feeds = pageFeeds(translator, [{ name: "hasil-resmi", filters: { kerangka: framework.slug }, about: framework.shortName }]);
  return {
    share: { description, image, url: canonicalUrl(request, RANKINGS_SHARE_QUERY) },
    title,
    meta: [...(await serverPageMeta(request, { title, description, image, query: RANKINGS_SHARE_QUERY })), ...feedDiscoveryLinks(feeds)],
    framework: { slug: framework.slug, name: framework.name, shortName: framework.shortName },
    frameworks: choices.frameworks.map(({ slug, name, shortName, sourceStatus, firstYear, lastYear, version }) => ({ slug, name, shortName, sourceStatus, firstYear, lastYear, version })),
    query: { ...query, page },
    kinds: choices.kinds,
    years: choices.years,
    provinces: choices.provinces,
    cohorts: choices.cohorts,
    pageCount,
    total: rankings.total,
    ranked: rankings.rows.length,
    rows: rankings.rows.slice((page - 1) * RANKING_PAGE_SIZE, page * RANKING_PAGE_SIZE).map(({ candidate, rank, percentile, change }) => ({ ...row(candidate), rank, percentile, change })),
    disputed: rankings.disputed.map(row),
    averages: rankings.averages,
    feeds,
  };
}
