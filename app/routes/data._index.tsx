import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { Panel } from "~/components/ui/panel";
import { rankingsExportTable } from "~/modules/benchmark/rankings-export.server";
import { computeRankings, rankingChoices } from "~/modules/benchmark/rankings.server";
import { getFrameworkTree } from "~/modules/frameworks/index.server";
import { pageMeta } from "~/modules/http/page-meta";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { listDatasets } from "~/modules/open-data/datasets.server";
import { CATALOG_PATH, DATA_LICENCE } from "~/modules/open-data/licence";

export const meta: MetaFunction<typeof loader> = (args) => [
  ...pageMeta(args, { title: args.data?.title, description: args.data?.description }),
  { tagName: "link", rel: "alternate", type: "application/ld+json", href: CATALOG_PATH, title: "DCAT-AP" },
];

/**
 * Anyone: every open dataset with its stable address, downloads and feeds, licence, update time
 * and sources. The rankings' columns are described by the download itself (the same table the
 * CSV and XLSX carry), so the page never describes them a second time.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const [datasets, translator] = await Promise.all([listDatasets(), translatorForRequest(request)]);
  const { t, locale } = translator;
  const details = await Promise.all(
    datasets.map(async (dataset) => {
      const choices = dataset.rankingFramework ? await rankingChoices(new URLSearchParams({ kerangka: dataset.rankingFramework }), null) : null;
      const columns = choices
        ? rankingsExportTable(computeRankings(choices.framework, choices.data, choices.query), choices.query, choices.framework, translator).columns.map(({ header, description }) => ({ header, description }))
        : [];
      const indicators = dataset.framework ? [...(await getFrameworkTree(dataset.framework)).indicatorsById.values()].map(({ number, name }) => ({ number, name })) : [];
      return {
        id: dataset.id,
        title: dataset.title[locale],
        description: dataset.description[locale],
        landingPage: dataset.landingPage,
        modified: dataset.modified?.toISOString() ?? null,
        sources: dataset.sources.map((source) => source[locale]),
        distributions: dataset.distributions.map((distribution) => ({ ...distribution, label: distribution.label[locale] })),
        columns,
        framework: dataset.framework ?? null,
        indicators,
      };
    }),
  );
  return { title: t("openData.title"), description: t("openData.lead"), datasets: details };
}

export default function OpenData() {
  const { datasets } = useLoaderData<typeof loader>();
  const { t, formatDate } = useExtraTranslator();
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-3xl font-bold">{t("openData.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("openData.lead")}</p>
      </div>
      <Panel id="licence" title={t("openData.licenceHeading")}>
        <p className="mt-2 text-slate-700">
          {t("openData.licence", { licence: DATA_LICENCE.name })} <a href={DATA_LICENCE.url} className="underline [overflow-wrap:anywhere]">{DATA_LICENCE.url}</a>
        </p>
        <p className="mt-3">
          <a href={CATALOG_PATH} type="application/ld+json" className="font-semibold">
            {t("openData.catalog")}
          </a>{" "}
          <span className="text-sm text-slate-600">{t("openData.catalogHelp")}</span>
        </p>
      </Panel>
      {datasets.map((dataset) => (
        <section key={dataset.id} id={dataset.id} aria-labelledby={`${dataset.id}-heading`} className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id={`${dataset.id}-heading`} className="text-lg font-bold">
            <Link to={dataset.landingPage}>{dataset.title}</Link>
          </h2>
          <p className="mt-1 text-slate-700">{dataset.description}</p>
          <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere] sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("openData.updated")}</dt>
            <dd>{dataset.modified ? formatDate(dataset.modified) : t("openData.never")}</dd>
            <dt className="font-semibold">{t("openData.sources")}</dt>
            <dd>{dataset.sources.join("; ")}</dd>
          </dl>
          <h3 className="mt-4 font-semibold">{t("openData.distributions")}</h3>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {dataset.distributions.map((distribution) => (
              <li key={distribution.path}>
                <a href={distribution.path} download={distribution.download || undefined}>
                  {distribution.format}: {distribution.label}
                </a>
              </li>
            ))}
          </ul>
          {dataset.columns.length > 0 ? (
            <DataTable
              className="mt-4"
              caption={t("openData.columns")}
              captionVisible
              density="compact"
              columns={[
                { id: "header", header: t("openData.column"), cell: (column) => <code>{column.header}</code>, rowHeader: true },
                { id: "description", header: t("openData.description"), cell: (column) => column.description },
              ]}
              rows={dataset.columns}
              rowKey={(column) => column.header}
            />
          ) : null}
          {dataset.framework ? (
            <details className="mt-4 text-sm">
              <summary className="cursor-pointer font-semibold">{t("openData.indicatorMetadata")}</summary>
              <p className="mt-2 text-slate-700">{t("openData.indicatorMetadataHelp", { framework: dataset.title })}</p>
              <ul className="mt-2 columns-1 sm:columns-2">
                {dataset.indicators.map((indicator) => (
                  <li key={indicator.number}>
                    <Link to={`/indikator/${indicator.number}?kerangka=${dataset.framework}#metadata`}>
                      {indicator.number}. {indicator.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}
    </div>
  );
}
