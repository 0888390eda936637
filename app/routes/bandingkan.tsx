import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FigureNotes, FigureSources, FigureValue, KindBadge } from "~/components/benchmark/figure";
import { drawComparisonCharts } from "~/components/benchmark/benchmark-charts.server";
import { FigureTrendChart } from "~/components/benchmark/figure-trend";
import { FrameworkSwitch } from "~/components/frameworks/framework-switch";
import { ChartFrame } from "~/components/charts/chart-frame";
import { PredikatBadge } from "~/components/predikat-badge";
import { DataTable, type DataColumn } from "~/components/ui/data-table";
import { DownloadLinks } from "~/components/ui/download-links";
import { FilterSelect, ProvinceSelect } from "~/components/ui/filters";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { currentUser } from "~/modules/auth/guards.server";
import { compareRegions } from "~/modules/benchmark/compare.server";
import { compareSearch, MAX_COMPARED } from "~/modules/benchmark/compare-query";
import { FRAMEWORK_PARAM, requireFrameworkChoice } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { loaderMeta } from "~/modules/http/loader-meta";
import { serverPageMeta } from "~/modules/http/page-meta.server";
import { useCompareTranslator } from "~/modules/i18n/use-compare-translator";
import { listProvinces, listRegionsOfProvince } from "~/modules/regions/regions.server";
import { requestQuery } from "~/modules/http/request-input";
import { canonicalUrl } from "~/modules/http/app-url.server";
import { compareShare, shareSearch } from "~/components/share/share-cards.server";
import { ShareLinks } from "~/components/share/share-links";
import { COMPARE_SHARE_QUERY } from "~/components/share/share-query";

export const meta: MetaFunction<typeof loader> = loaderMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = requestQuery(request);
  // Adding a region is two light steps (province, then one of its regions) instead of one
  // select of all 514, which would make every comparison page heavy.
  const addProvince = params.get("provinsi_tambah");
  const { framework, frameworks, requested } = await requireFrameworkChoice(params);
  // A framework named in the URL stays in the page's links; the default needs no parameter.
  const keptFramework = requested ? framework.slug : null;
  const [comparison, provinces, provinceRegions, translator] = await Promise.all([
    currentUser(request, context).then((viewer) => compareRegions(framework.slug, params, viewer)),
    listProvinces(),
    listRegionsOfProvince(addProvince && /^\d{2}$/.test(addProvince) ? addProvince : null),
    translatorForRequest(request),
  ]);
  if (!comparison) throw new Response(null, { status: 404 });
  // "Add" sends the current list plus one code; settle on the short, shareable form.
  if (params.has("tambah")) throw redirect(`/bandingkan${compareSearch(comparison.selection.codes, keptFramework)}`);
  // The parameter's name travels in loader data: components cannot read a .server module in the browser.
  const { description, image } = compareShare(translator, shareSearch(request, COMPARE_SHARE_QUERY), framework.shortName, comparison);
  const share = { url: canonicalUrl(request, COMPARE_SHARE_QUERY) };
  const title = translator.t("compare.title");
  const meta = await serverPageMeta(request, { title, description, image, query: COMPARE_SHARE_QUERY });
  return { title, meta, share, frameworkParam: FRAMEWORK_PARAM, framework, frameworks, keptFramework, comparison, charts: drawComparisonCharts(translator, comparison), provinces, provinceRegions, addProvince };
}

/** Level colours always come with the number itself, so colour is never the only cue. */
const levelClass = ["", "bg-red-100 text-red-900", "bg-orange-100 text-orange-900", "bg-yellow-100 text-yellow-900", "bg-lime-100 text-lime-900", "bg-emerald-200 text-emerald-900"];

export default function Compare() {
  const { title, share, frameworkParam, framework, frameworks, keptFramework, comparison, charts, provinces, provinceRegions, addProvince } = useLoaderData<typeof loader>();
  const { t, formatIndex } = useCompareTranslator();
  const { selection, regions, year, replacedYear } = comparison;
  const codes = selection.codes;
  const value = (number: number | null) => (number === null ? "—" : formatIndex(number));
  const ready = codes.length >= 2;
  const kindName = (kind: string | null) => (kind ? t(`figures.kind.${kind as "official"}`) : t("charts.noData"));
  const frameworkField = keptFramework ? <input type="hidden" name={frameworkParam} value={keptFramework} /> : null;

  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <div>
        <h1 className="text-3xl font-bold">{t("compare.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("compare.lead", { max: MAX_COMPARED })}</p>
        {ready ? <ShareLinks url={share.url} title={`${title}: ${regions.map((region) => region.name).join(", ")}`} className="mt-3" /> : null}
        <div className="mt-3">
          <FrameworkSwitch frameworks={frameworks} current={framework.slug} />
        </div>
      </div>
      <div className="space-y-2">
        {selection.problems.map((problem) => (
          <Alert key={problem} tone={problem === "none" ? "info" : "error"}>
            {t(`compare.problem.${problem}`, { max: MAX_COMPARED, codes: selection.unknown.join(", ") })}
          </Alert>
        ))}
        {ready && replacedYear !== null && year !== null ? <Alert tone="info">{t("compare.replacedYear", { requested: replacedYear, year })}</Alert> : null}
      </div>

      <section aria-labelledby="selection-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="selection-heading" className="font-semibold">
          {t("compare.selection")}
        </h2>
        <ul className="mt-2 flex flex-wrap gap-2">
          {regions.map((region) => (
            <li key={region.code} className="flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-sm">
              {region.name}
              <Link to={`/bandingkan${compareSearch(codes.filter((code) => code !== region.code), keptFramework)}`} aria-label={t("compare.remove", { region: region.name })}>
                ×
              </Link>
            </li>
          ))}
        </ul>
        {codes.length < MAX_COMPARED ? (
          <SubmitForm method="get" className="mt-3 flex flex-wrap items-end gap-2">
            {frameworkField}
            {codes.length > 0 ? <input type="hidden" name="daerah" value={codes.join(",")} /> : null}
            <ProvinceSelect name="provinsi_tambah" provinces={provinces} defaultValue={addProvince} />
            {provinceRegions.length > 0 ? (
              <FilterSelect
                name="tambah"
                label={t("compare.add")}
                options={provinceRegions.map((region) => ({ value: region.code, label: region.name }))}
                defaultValue={null}
              />
            ) : null}
            <SubmitButton className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {provinceRegions.length > 0 ? t("compare.addButton") : t("compare.chooseProvince")}
            </SubmitButton>
          </SubmitForm>
        ) : null}
      </section>

      {ready ? (
        <>
          <SubmitForm method="get" className="flex flex-wrap items-end gap-2">
            {frameworkField}
            <input type="hidden" name="daerah" value={codes.join(",")} />
            <FilterSelect
              name="tahun"
              label={t("rankings.year")}
              options={comparison.yearChoices.map((choice) => ({ value: choice.year, label: t("compare.yearOption", { year: choice.year, covered: choice.regions, total: codes.length }) }))}
              defaultValue={year}
            />
            <SubmitButton className="rounded-md px-4 py-2 font-semibold text-brand-800 ring-1 ring-brand-700">
              {t("directory.apply")}
            </SubmitButton>
          </SubmitForm>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="px-4 py-2 text-left font-semibold">{t("compare.tableCaption", { year: year ?? "—" })}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("compare.measure")}
                  </th>
                  {regions.map((region) => (
                    <th key={region.code} scope="col" className="px-3 py-2 text-right">
                      <Link to={`/daerah/${region.code}/benchmark${compareSearch([], keptFramework)}`}>{region.name}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                <tr>
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {t("compare.officialIndex")}
                  </th>
                  {regions.map((region) => (
                    <td key={region.code} className="px-3 py-2 text-right align-top">
                      {region.official ? (
                        <>
                          <FigureValue figure={region.official} className="font-semibold" />
                          <span className="mt-1 flex flex-wrap justify-end gap-1">
                            <PredikatBadge predikat={region.predikat} />
                            <KindBadge kind="official" />
                          </span>
                          <span className="mt-1 block text-xs">
                            <FigureSources figure={region.official} />
                          </span>
                          <FigureNotes notes={region.notes} />
                        </>
                      ) : (
                        <span className="text-slate-600">{t("compare.noOfficial")}</span>
                      )}
                    </td>
                  ))}
                </tr>
                {comparison.kindsShown
                  .filter((kind) => kind !== "official")
                  .map((kind) => (
                    <tr key={kind}>
                      <th scope="row" className="px-3 py-2 font-normal">
                        {t(`figures.kind.${kind}`)}
                      </th>
                      {regions.map((region) => {
                        const figure = region.others.find((other) => other.kind === kind);
                        return (
                          <td key={region.code} className="px-3 py-2 text-right align-top">
                            {figure ? (
                              <>
                                <FigureValue figure={figure} /> <KindBadge kind={kind} />
                                {figure.mismatch ? <span className="block text-xs text-red-700">{t("figures.mismatch")}</span> : null}
                              </>
                            ) : (
                              "—"
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                <tr className="bg-slate-100">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {t("compare.levelsFrom")}
                  </th>
                  {regions.map((region) => (
                    <td key={region.code} className="px-3 py-2 text-right">
                      {region.levelsKind ? <KindBadge kind={region.levelsKind} /> : kindName(null)}
                    </td>
                  ))}
                </tr>
                {comparison.groups.map((group) => (
                  <tr key={group.id} className={group.topLevel ? "bg-slate-50" : undefined}>
                    <th scope="row" className={`px-3 py-2 ${group.topLevel ? "font-semibold" : "pl-6 font-normal"}`}>
                      {group.name}
                    </th>
                    {group.values.map((groupValue, index) => (
                      <td key={codes[index]} className="px-3 py-2 text-right tabular-nums">
                        {value(groupValue)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <DownloadLinks path="/bandingkan" />
          {regions.some((region) => region.levelsKind === "sample") ? <p className="text-sm text-amber-900">{t("compare.sampleLevels")}</p> : null}
          <div className="grid gap-6 lg:grid-cols-2">
            <FigureTrendChart chart={charts.trend} />
            <ChartFrame chart={charts.domains} />
          </div>

          <section aria-labelledby="indicators-heading">
            <h2 id="indicators-heading" className="text-xl font-bold">
              {t("compare.indicators")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t("compare.levelsLegend")}</p>
            <DataTable
              className="mt-3"
              density="dense"
              caption={t("compare.indicators")}
              rows={comparison.indicators}
              rowKey={(indicator) => indicator.number}
              columns={[
                {
                  id: "indicator",
                  header: t("compare.indicator"),
                  rowHeader: true,
                  cellClassName: "font-normal",
                  cell: (indicator) => (
                    <Link to={`/indikator/${indicator.number}?${frameworkParam}=${encodeURIComponent(framework.slug)}`}>
                      {indicator.number}. {indicator.name}
                    </Link>
                  ),
                },
                ...regions.map((region, index): DataColumn<(typeof comparison.indicators)[number]> => ({
                  id: region.code,
                  header: region.name,
                  align: "center",
                  cellClassName: (indicator) => {
                    const level = indicator.levels[index];
                    return `font-semibold ${level ? levelClass[level] : "text-slate-500"}`;
                  },
                  cell: (indicator) => indicator.levels[index] ?? "—",
                })),
              ]}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
