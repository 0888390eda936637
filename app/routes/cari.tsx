import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/filters";
import { Alert, inputClass } from "~/components/ui/form";
import { Pagination } from "~/components/ui/pagination";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageTitle } from "~/modules/i18n/page-title";
import { useTranslator } from "~/modules/i18n/use-translator";
import { type SearchQuery, searchUrl, type TextPart } from "~/modules/search/search-query";
import { searchPractices } from "~/modules/search/search.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const [results, { t }] = await Promise.all([searchPractices(new URL(request.url).searchParams), translatorForRequest(request)]);
  return { title: results.query.text ? t("search.titleFor", { query: results.query.text }) : t("search.title"), results };
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

export default function Search() {
  const { results } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useTranslator();
  const submit = useSubmit();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const query = results.query as SearchQuery;
  const provinceName = new Map(results.provinces.map((province) => [province.code, province.name]));
  const indicatorName = new Map(results.indicators.map((indicator) => [String(indicator.number), indicator.name]));
  const facetGroups = [
    { key: "provinceCode", label: t("directory.province"), active: query.province, param: "province" as const, name: (value: string) => provinceName.get(value) ?? value },
    { key: "stage", label: t("practiceForm.stage"), active: query.stage, param: "stage" as const, name: (value: string) => t(`practiceStage.${value as "penerapan"}`) },
    { key: "indicatorNumbers", label: t("practices.indicator"), active: query.indicator === null ? null : String(query.indicator), param: "indicator" as const, name: (value: string) => `${value}. ${indicatorName.get(value) ?? ""}` },
    { key: "tags", label: t("practiceForm.tags"), active: query.tag, param: "tag" as const, name: (value: string) => value },
  ] as const;
  const toggle = (param: "province" | "stage" | "indicator" | "tag", value: string, active: boolean) =>
    searchUrl(query, { [param]: active ? null : param === "indicator" ? Number(value) : value, page: 1 });

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("search.title")}</h1>
      <Form method="get" role="search" className="mt-4 flex flex-wrap gap-2">
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
          className={`${inputClass} mt-0 max-w-2xl flex-1 placeholder:text-slate-600`}
          onChange={(event) => {
            // As-you-type results with JavaScript; the button does the same without it.
            const form = event.currentTarget.form;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => form && submit(form, { replace: true, preventScrollReset: true }), TYPING_DELAY_MS);
          }}
        />
        {query.province ? <input type="hidden" name="provinsi" value={query.province} /> : null}
        {query.indicator ? <input type="hidden" name="indikator" value={query.indicator} /> : null}
        {query.stage ? <input type="hidden" name="tahap" value={query.stage} /> : null}
        {query.tag ? <input type="hidden" name="tag" value={query.tag} /> : null}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("search.button")}
        </button>
      </Form>
      <div className="mt-3 space-y-2">
        {results.engine === "database" ? <Alert tone="info">{t("search.degraded")}</Alert> : null}
        {query.truncated ? <Alert tone="info">{t("search.truncated", { max: 200 })}</Alert> : null}
      </div>

      <div className="mt-6 grid gap-8 lg:grid-cols-[16rem_1fr]">
        <aside aria-label={t("search.facets")} className="space-y-6">
          {facetGroups.map((group) => {
            const counts = Object.entries(results.facets[group.key] ?? {})
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, 15);
            if (counts.length === 0 && !group.active) return null;
            return (
              <section key={group.key} aria-labelledby={`facet-${group.key}`}>
                <h2 id={`facet-${group.key}`} className="text-sm font-semibold uppercase tracking-wide text-slate-600">
                  {group.label}
                </h2>
                <ul className="mt-2 space-y-1 text-sm">
                  {group.active && !counts.some(([value]) => value === group.active) ? (
                    <li>
                      <Link to={toggle(group.param, group.active, true)} aria-current="true" className="font-semibold">
                        ✓ {group.name(group.active)}
                      </Link>
                    </li>
                  ) : null}
                  {counts.map(([value, count]) => {
                    const active = value === group.active;
                    return (
                      <li key={value}>
                        <Link to={toggle(group.param, value, active)} aria-current={active ? "true" : undefined} className={active ? "font-semibold" : undefined}>
                          {active ? "✓ " : ""}
                          {group.name(value)} <span className="text-slate-600">({formatNumber(count)})</span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </aside>
        <section aria-labelledby="results-heading" aria-busy={navigation.state === "loading"}>
          <h2 id="results-heading" className="sr-only">
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
                  <h3 className="text-lg font-semibold">
                    <Link to={`/praktik/${hit.id}`}>
                      <Highlighted parts={hit.title} />
                    </Link>
                  </h3>
                  <p className="mt-1 text-sm text-slate-700">
                    {hit.regionName} · {hit.provinceName}
                  </p>
                  <p className="mt-2 line-clamp-3 text-slate-800">
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
    </div>
  );
}
