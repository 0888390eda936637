import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IndicatorFilter } from "~/components/frameworks/indicator-filter";
import { FollowButton } from "~/components/follows/follow-button";
import { PracticeCard } from "~/components/practices/practice-card";
import { inputClass, SubmitForm } from "~/components/ui/form";
import { EmptyState, FilterActions, FilterSelect, ProvinceSelect } from "~/components/ui/filters";
import { DownloadLinks } from "~/components/ui/download-links";
import { Pagination } from "~/components/ui/pagination";
import { currentUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { isFollowing } from "~/modules/follows/follows.server";
import { indicatorSections } from "~/modules/frameworks";
import { getFrameworkTree, SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { FeedLinks } from "~/components/feeds/feed-links";
import { feedDiscoveryLinks } from "~/modules/open-data/feed-links";
import { pageFeeds } from "~/modules/open-data/feeds.server";
import { useTranslator } from "~/modules/i18n/use-translator";
import { PRACTICE_STAGES } from "~/modules/practices/practice-content";
import { listPracticeTags, listPublishedPractices, readPracticeListQuery } from "~/modules/practices/practice-list.server";
import { PRACTICE_PAGE_SIZE, PRACTICE_SORTS, practiceListSearch } from "~/modules/practices/practice-query";
import { listRegionsOfProvince } from "~/modules/regions/regions.server";
import { requestQuery } from "~/modules/http/request-input";

export const meta: MetaFunction<typeof loader> = (args) => [...pageMeta(args, { title: args.data?.title }), ...feedDiscoveryLinks(args.data?.feeds)];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [{ query, provinces }, tree, tags, user, translator] = await Promise.all([
    readPracticeListQuery(requestQuery(request)),
    getFrameworkTree(SPBE_2020),
    listPracticeTags(),
    currentUser(request, context),
    translatorForRequest(request),
  ]);
  const [result, followingTag] = await Promise.all([
    listPublishedPractices(query),
    query.tag === null ? false : isFollowing(user?.id ?? null, { type: "tag", key: query.tag }),
  ]);
  return {
    title: translator.t("practices.title"),
    provinces,
    // The region filter lists one province's regions (after a province is chosen), which keeps
    // the page light: all 514 would be sent twice (as options and as loader data).
    provinceRegions: await listRegionsOfProvince(query.province ?? query.region?.slice(0, 2) ?? null),
    indicatorSections: indicatorSections(tree.groups),
    tags,
    query: { ...query, page: result.page },
    result,
    hasWorkspace: can(user, { action: "practice.workspace" }),
    // A tag of a published practice (or one the user still follows) can be followed from its filtered list.
    // The feed of the list's region, SPBE 2020 indicator and listed tag (a filter the feed would not know is left out).
    feeds: pageFeeds(translator, [
      {
        name: "praktik",
        filters: {
          daerah: query.region,
          indikator: [...tree.indicatorsById.values()].some((indicator) => indicator.number === query.indicator) ? query.indicator : null,
          // Listed practices carry the tag, so the feed knows it.
          tag: result.total > 0 ? query.tag : null,
        },
      },
    ]),
    followTag: query.tag !== null && (followingTag || tags.some((tag) => tag.tag === query.tag)) ? { tag: query.tag, signedIn: user !== null, following: followingTag } : null,
  };
}

export default function PracticeList() {
  const { provinces, provinceRegions, indicatorSections, tags, query, result, hasWorkspace, followTag, feeds } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useTranslator();
  const from = result.total === 0 ? 0 : (result.page - 1) * PRACTICE_PAGE_SIZE + 1;
  const to = Math.min(result.page * PRACTICE_PAGE_SIZE, result.total);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t("practices.title")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("practices.lead")}</p>
        </div>
        <div className="flex flex-wrap gap-4 text-sm">
          <Link to="/jaringan-adopsi">{t("network.title")}</Link>
          <FeedLinks feeds={feeds} />
          {hasWorkspace ? <Link to="/praktik/kelola">{t("workspace.title")}</Link> : null}
        </div>
      </div>

      <SubmitForm method="get" role="search" aria-label={t("practices.filters")} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <ProvinceSelect name="provinsi" provinces={provinces} defaultValue={query.province} />
          {provinceRegions.length > 0 ? (
            <FilterSelect
              name="daerah"
              label={t("practice.region")}
              allLabel={t("practices.allRegions")}
              options={provinceRegions.map((region) => ({ value: region.code, label: region.name }))}
              defaultValue={query.region}
            />
          ) : null}
          <IndicatorFilter label={t("practices.indicator")} allLabel={t("practices.allIndicators")} sections={indicatorSections} defaultValue={query.indicator} />
          <FilterSelect
            name="tahap"
            label={t("practiceForm.stage")}
            allLabel={t("practices.allStages")}
            options={PRACTICE_STAGES.map((stage) => ({ value: stage, label: t(`practiceStage.${stage}`) }))}
            defaultValue={query.stage}
          />
          <label className="block text-sm font-medium">
            {t("practiceForm.tags")}
            <select name="tag" defaultValue={query.tag ?? ""} className={inputClass}>
              <option value="">{t("practices.allTags")}</option>
              {query.tag && !tags.some((tag) => tag.tag === query.tag) ? <option value={query.tag}>{query.tag}</option> : null}
              {tags.map((tag) => (
                <option key={tag.tag} value={tag.tag}>
                  {tag.tag} ({formatNumber(tag.uses)})
                </option>
              ))}
            </select>
          </label>
          <FilterSelect
            name="urut"
            label={t("practices.sort")}
            options={PRACTICE_SORTS.map((sort) => ({ value: sort, label: t(`practices.sortBy.${sort}`) }))}
            defaultValue={query.sort}
          />
        </div>
        <div className="mt-4">
          <FilterActions resetTo="/praktik" />
        </div>
      </SubmitForm>

      {followTag ? (
        <div className="mt-6 flex flex-wrap items-center gap-3">
          <span className="font-medium">
            {t("practiceForm.tags")}: {followTag.tag}
          </span>
          <FollowButton target={{ type: "tag", key: followTag.tag }} signedIn={followTag.signedIn} following={followTag.following} />
        </div>
      ) : null}
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" role="status">
          {result.total > 0 ? t("practices.showing", { from: formatNumber(from), to: formatNumber(to), total: formatNumber(result.total) }) : null}
        </p>
        {result.total > 0 ? <DownloadLinks path="/praktik" /> : null}
      </div>
      {result.total === 0 ? (
        <EmptyState title={t("practices.none")} help={t("practices.noneHelp")} />
      ) : (
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {result.practices.map((practice) => (
            <li key={practice.id}>
              <PracticeCard practice={practice} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => `/praktik${practiceListSearch(query, { page })}`}
        label={t("directory.pagination")}
      />
    </div>
  );
}
