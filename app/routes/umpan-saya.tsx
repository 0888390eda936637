import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FollowButton } from "~/components/follows/follow-button";
import { requirePermission } from "~/modules/auth/guards.server";
import { FEED_PATH } from "~/modules/follows";
import { feedCursorParam, type FeedItem, feedPage, parseFeedCursor } from "~/modules/follows/feed.server";
import { listFollows } from "~/modules/follows/follows.server";
import { requestQuery } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import type { BrowserMessageKey, Translator } from "~/modules/i18n/translator";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, { action: "follows.own" });
  // ?sebelum=: the page after that item (keyset paging); missing or malformed: the newest page.
  const after = parseFeedCursor(requestQuery(request).get("sebelum"));
  const [followed, feed, { t }] = await Promise.all([listFollows(user.id), feedPage(user.id, after), translatorForRequest(request)]);
  return { title: t("follows.feedTitle"), followed, items: feed.items, olderFrom: feed.olderFrom ? feedCursorParam(feed.olderFrom) : null, paged: after !== null };
}

function itemText(translator: Translator<BrowserMessageKey>, item: FeedItem): string {
  const { t, formatIndex } = translator;
  switch (item.kind) {
    case "practice":
    case "revision":
    case "application":
      return t(`follows.item.${item.kind}`, { title: item.title, region: item.region });
    case "adoption":
      return t("follows.item.adoption", { title: item.title, region: item.region, sourceRegion: item.sourceRegion });
    case "result":
      return t("follows.item.result", { framework: item.framework, year: item.year, region: item.region, value: formatIndex(item.value, item.decimals), source: item.source });
    case "visit":
      return t("follows.item.visit", { host: item.region, visitor: item.visitorRegion });
  }
}

export default function MyFeed() {
  const { followed, items, olderFrom, paged } = useLoaderData<typeof loader>();
  const translator = useWorkspaceTranslator();
  const { t, formatDateTime } = translator;
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <div>
        <h1 className="text-3xl font-bold">{t("follows.feedTitle")}</h1>
        <p className="mt-2 text-slate-700">{t("follows.feedLead")}</p>
      </div>

      <section aria-labelledby="followed-heading">
        <h2 id="followed-heading" className="text-xl font-bold">
          {t("follows.followingTitle")}
        </h2>
        {followed.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("follows.nothingFollowed")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200">
            {followed.map((target) => (
              <li key={`${target.type}:${target.key}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2">
                <span>
                  <span className="text-sm text-slate-600">{t(`follows.type.${target.type}`)}:</span> {target.label}
                </span>
                <FollowButton target={target} following signedIn />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="feed-heading">
        <h2 id="feed-heading" className="text-xl font-bold">
          {t("follows.feedTitle")}
        </h2>
        {items.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("follows.emptyFeed")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200">
            {items.map((item) => (
              <li key={`${item.kind}:${item.id}`} className="px-4 py-3">
                <Link to={item.link}>{itemText(translator, item)}</Link>
                <p className="mt-1 text-sm text-slate-600">
                  <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
        <nav className="mt-4 flex gap-4" aria-label={t("follows.feedTitle")}>
          {paged ? <Link to={FEED_PATH}>{t("follows.newest")}</Link> : null}
          {olderFrom ? <Link to={`${FEED_PATH}?sebelum=${encodeURIComponent(olderFrom)}`}>{t("follows.older")}</Link> : null}
        </nav>
      </section>
    </div>
  );
}
