import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Badge } from "~/components/ui/badge";
import { EmptyState, FilterSelect } from "~/components/ui/filters";
import { Alert, inputClass, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { Pagination } from "~/components/ui/pagination";
import { currentUser } from "~/modules/auth/guards.server";
import { localeFromRequest } from "~/modules/i18n/locale.server";
import { translatorFor } from "~/modules/i18n/translator.server";
import { loaderMeta } from "~/modules/http/loader-meta";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { useTranslator } from "~/modules/i18n/use-translator";
import {
  defaultSort,
  SEARCH_FACETS,
  SEARCH_PARAMS,
  SEARCH_SORTS,
  type SearchFilterKey,
  type SearchQuery,
  type SearchSort,
  searchUrl,
  type TextPart,
} from "~/modules/search/search-query";
import type { FacetValue } from "~/modules/search/search-results";
import { searchPage } from "~/modules/search/search.server";
import { requestQuery } from "~/modules/http/request-input";
import { requireReadWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Searching is what scrapers repeat: anonymous visitors have a per-IP allowance (decision in rate-limits.server.ts).
  await requireReadWithinLimit(request, context, "search", (await currentUser(request, context)) !== null);
  const locale = await localeFromRequest(request);
  const [results, { t }] = await Promise.all([searchPage(requestQuery(request), locale), translatorFor(locale)]);
  // The database fallback's answer is not kept anywhere: once Meilisearch is back, readers see it at once.
  if (results.engine !== "meilisearch") context.private = true;
  const title = results.query.text ? t("search.titleFor", { query: results.query.text }) : t("search.title");
  return { title, meta: await serverPageMeta(request, { title }), results };
}

const TYPING_DELAY_MS = 300;

/** Highlighted words as <mark> elements; the text is never inserted as HTML. */
function Highlighted({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}

/** Regions or indicators whose names match the words: links above the practice results. */
function MatchList({ id, title, matches }: { id: string; title: string; matches: { href: string; label: string; detail: string }[] }) {
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {matches.map((match) => (
          <li key={match.href}>
            <Link to={match.href} className="font-semibold">
              {match.label}
            </Link>
            <span className="text-slate-700"> · {match.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Search() {
  const { results } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useTranslator();
  const submit = useSubmit();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const query = results.query as SearchQuery;
  const facetLabel: Record<SearchFilterKey, string> = {
    province: t("directory.province"),
    regionType: t("search.regionType"),
    domain: t("search.domain"),
    aspect: t("search.aspect"),
    indicator: t("practices.indicator"),
    stage: t("practiceForm.stage"),
    status: t("search.status"),
    year: t("search.year"),
    language: t("search.language"),
    tag: t("practiceForm.tags"),
  };
  /** Enumerated values are translated here; names of provinces and SPBE parts come with the results. */
  const valueName = (key: SearchFilterKey, { value, name }: FacetValue): string => {
    switch (key) {
      case "regionType":
        return t(`regionType.${value as "kota"}`);
      case "stage":
        return t(`practiceStage.${value as "penerapan"}`);
      case "status":
        return t(`runningStatus.${value as "active"}`);
      case "language":
        return t(`language.${value as "en"}`);
      default:
        return name;
    }
  };
  /** The URL with this facet value added, or removed when it is the active one. */
  const toggle = (key: SearchFilterKey, value: string, active: boolean) =>
    searchUrl(query, { [key]: active ? null : key === "indicator" || key === "year" ? Number(value) : value, page: 1 });
  const submitNow = (form: HTMLFormElement | null) => form && submit(form, { replace: true, preventScrollReset: true });
  // The default order is sent as "" so that it never sticks: words typed next get their own default.
  const implicitSort = defaultSort(query.text);
  const sortValue = (sort: SearchSort) => (sort === implicitSort ? "" : sort);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("search.title")}</h1>
      <SubmitForm method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="w-full sm:w-auto sm:max-w-2xl sm:flex-1">
          <label htmlFor="search-q" className="sr-only">
            {t("search.label")}
          </label>
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={query.text}
            maxLength={5000}
            placeholder={t("search.placeholder")}
            className={`${inputClass} mt-0 placeholder:text-slate-600`}
            onChange={(event) => {
              // As-you-type results with JavaScript; the button does the same without it.
              const form = event.currentTarget.form;
              clearTimeout(timer.current);
              timer.current = setTimeout(() => submitNow(form), TYPING_DELAY_MS);
            }}
          />
        </div>
        {SEARCH_FACETS.map((key) =>
          query[key] === null ? null : <input key={key} type="hidden" name={SEARCH_PARAMS[key]} value={String(query[key])} />,
        )}
        {/* Remounted when the default changes, so the choice shown is this query's (the select is uncontrolled). */}
        <FilterSelect
          key={implicitSort}
          name="urut"
          label={t("practices.sort")}
          options={SEARCH_SORTS.map((sort) => ({ value: sortValue(sort), label: sort === "relevan" ? t("search.relevance") : t(`practices.sortBy.${sort}`) }))}
          defaultValue={sortValue(query.sort)}
          onChange={(event) => submitNow(event.currentTarget.form)}
        />
        <SubmitButton className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("search.button")}
        </SubmitButton>
      </SubmitForm>
      <div className="mt-3 space-y-2">
        {results.engine === "database" ? <Alert tone="info">{t("search.degraded")}</Alert> : null}
        {query.truncated ? <Alert tone="info">{t("search.truncated", { max: 200 })}</Alert> : null}
        {query.ignored.length > 0 ? <Alert tone="info">{t("search.ignored")}</Alert> : null}
        {results.weakMatches ? <Alert tone="info">{t("search.weakMatches")}</Alert> : null}
        {query.pageNote === "invalid" ? <Alert tone="info">{t("search.pageInvalid")}</Alert> : null}
        {query.pageNote === "pastLast" ? <Alert tone="info">{t("search.pagePastLast", { last: formatNumber(query.page) })}</Alert> : null}
      </div>

      {/* Results come first (on phones they are what people look for); on wide screens the
          filters sit in the left column. */}
      <div className="mt-6 grid gap-8 lg:grid-cols-[16rem_1fr]">
        <div className="space-y-8 lg:col-start-2 lg:row-start-1" aria-busy={navigation.state === "loading"}>
          <MatchList
            id="regions-heading"
            title={t("search.regions")}
            matches={results.regions.map((region) => ({ href: `/daerah/${region.code}`, label: region.name, detail: region.provinceName }))}
          />
          <MatchList
            id="indicators-heading"
            title={t("search.indicators")}
            matches={results.indicators.map((indicator) => ({
              href: indicator.href,
              label: `${indicator.number}. ${indicator.name}`,
              detail: indicator.domainName,
            }))}
          />
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" className="text-lg font-semibold">
              {t("search.results")}
            </h2>
            <p role="status" className="text-sm text-slate-700">
              {t("search.count", { formatted: formatNumber(results.total) })}
            </p>
            {results.hits.length === 0 ? (
              <EmptyState title={t("search.none")} help={t("search.noneHelp")} />
            ) : (
              <ol className="mt-3 space-y-4">
                {results.hits.map((hit) => (
                  <li key={hit.id} className="rounded-lg border border-slate-200 bg-white p-5">
                    <h3 lang={hit.lang} className="text-lg font-semibold">
                      <Link to={`/praktik/${hit.id}`}>
                        <Highlighted parts={hit.title} />
                      </Link>
                    </h3>
                    <p className="mt-1 text-sm text-slate-700">
                      {hit.regionName} · {hit.provinceName}
                    </p>
                    <p lang={hit.lang} className="mt-2 line-clamp-3 text-slate-800">
                      <Highlighted parts={hit.summary} />
                    </p>
                    <div className="mt-2">
                      <Badge tone="brand">{t(`practiceStage.${hit.stage as "penerapan"}`)}</Badge>
                    </div>
                  </li>
                ))}
              </ol>
            )}
            <Pagination page={query.page} pageCount={results.pageCount} hrefFor={(page) => searchUrl(query, { page })} label={t("directory.pagination")} />
          </section>
        </div>
        <aside aria-label={t("search.facets")} className="space-y-6 lg:col-start-1 lg:row-start-1">
          {SEARCH_FACETS.map((key) => {
            const { values, active: chosen } = results.facets[key];
            if (values.length === 0 && chosen === null) return null;
            return (
              <section key={key} aria-labelledby={`facet-${key}`}>
                <h2 id={`facet-${key}`} className="text-sm font-semibold uppercase tracking-wide text-slate-600">
                  {facetLabel[key]}
                </h2>
                <ul className="mt-2 space-y-1 text-sm">
                  {chosen !== null && !values.some((facet) => facet.value === chosen.value) ? (
                    <li>
                      <Link to={toggle(key, chosen.value, true)} aria-current="true" className="font-semibold">
                        ✓ {valueName(key, chosen)}
                      </Link>
                    </li>
                  ) : null}
                  {values.map((facet) => {
                    const active = facet.value === chosen?.value;
                    return (
                      <li key={facet.value}>
                        <Link to={toggle(key, facet.value, active)} aria-current={active ? "true" : undefined} className={active ? "font-semibold" : undefined}>
                          {active ? "✓ " : ""}
                          {valueName(key, facet)} <span className="text-slate-600">({formatNumber(facet.count)})</span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </aside>
      </div>
    </div>
  );
}
