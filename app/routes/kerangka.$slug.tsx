import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FrameworkDiffList } from "~/components/frameworks/framework-diff";
import { FrameworkStatus, useFrameworkYears } from "~/components/frameworks/framework-switch";
import { groupLabel } from "~/components/frameworks/group-label";
import { SourceLink } from "~/components/source-link";
import { DataTable } from "~/components/ui/data-table";
import { Panel } from "~/components/ui/panel";
import { type FrameworkGroup, frameworkGroupsOf } from "~/modules/frameworks";
import { getCuratedFramework, getFrameworkHistory } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Anyone: a framework as it stands (structure, weights, levels, bands, formula, sources, status) and every version with what changed and why. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const framework = /^[a-z0-9-]{1,60}$/.test(slug) ? await getCuratedFramework(slug) : null;
  if (!framework) throw new Response(null, { status: 404 });
  const [history, { t }] = await Promise.all([getFrameworkHistory(framework), translatorForRequest(request)]);
  return { title: `${framework.shortName} · ${t("frameworkPage.listTitle")}`, framework, history };
}

interface StructureRow {
  id: number;
  depth: number;
  label: string;
  weight: number;
  group: boolean;
}

export default function FrameworkPage() {
  const { framework, history } = useLoaderData<typeof loader>();
  const translator = useExtraTranslator();
  const { t, formatNumber, formatIndex, formatDate } = translator;
  const yearsOf = useFrameworkYears();
  const weightOf = new Map(framework.nodes.map((node) => [node.id, node.weight]));
  const rows: StructureRow[] = [];
  const visit = (group: FrameworkGroup, depth: number) => {
    rows.push({ id: group.id, depth, label: groupLabel(translator, group), weight: weightOf.get(group.id) ?? 0, group: true });
    for (const indicator of group.indicators) {
      rows.push({ id: indicator.id, depth: depth + 1, label: `${t("frameworkPage.indicator", { number: indicator.number })}: ${indicator.name}`, weight: weightOf.get(indicator.id) ?? 0, group: false });
    }
    for (const child of group.groups) visit(child, depth + 1);
  };
  for (const group of frameworkGroupsOf(framework.nodes)) visit(group, 0);
  const years = yearsOf(framework);
  const decimals = framework.scale.decimals;
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to="/kerangka">← {t("frameworkPage.listTitle")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{framework.name}</h1>
        <p className="mt-1 text-slate-700">
          {framework.shortName}
          {years ? ` · ${t("frameworkPage.years")}: ${years}` : null}
        </p>
        <div className="mt-3">
          <FrameworkStatus framework={{ sourceStatus: framework.definition.sourceStatus, version: framework.version }} />
          {framework.definition.statusNote ? <p className="mt-2 text-sm text-slate-700">{framework.definition.statusNote}</p> : null}
        </div>
      </div>

      <Panel id="structure" title={t("frameworkPage.structure")}>
        <p className="mt-1 text-sm text-slate-600">{t("frameworkPage.structureLead")}</p>
        <DataTable
          className="mt-3"
          density="dense"
          caption={t("frameworkPage.structure")}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            {
              id: "node",
              header: framework.shortName,
              rowHeader: true,
              cell: (row) => <span style={{ paddingLeft: `${row.depth * 1.25}rem` }}>{row.label}</span>,
              cellClassName: (row) => (row.group ? "font-semibold" : "font-normal"),
            },
            { id: "weight", header: t("frameworkPage.weight"), align: "end", cell: (row) => formatNumber(row.weight, { maximumFractionDigits: 3 }), cellClassName: "tabular-nums" },
          ]}
        />
      </Panel>

      <div className="grid gap-6 sm:grid-cols-2">
        <Panel id="levels" title={t("frameworkPage.levels")}>
          <ul className="mt-2 space-y-1">
            {framework.definition.levels.map((level) => (
              <li key={level.level}>
                {t("frameworkPage.level", { level: level.level })}: {level.name}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel id="bands" title={t("frameworkPage.bands")}>
          <ul className="mt-2 space-y-1">
            {framework.definition.bands.map((band) => (
              <li key={band.name}>
                {band.name}: {t("frameworkPage.bandFrom", { value: formatIndex(band.minValue, decimals) })}
              </li>
            ))}
          </ul>
        </Panel>
      </div>

      <Panel id="formula" title={t("frameworkPage.formula")}>
        <p className="mt-2 whitespace-pre-line text-slate-800">{framework.formula}</p>
      </Panel>

      <Panel id="sources" title={t("frameworkPage.sources")}>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {framework.sources.map((url) => (
            <li key={url} className="break-all">
              <SourceLink source={{ citation: url, url: /^https:\/\//.test(url) ? url : null }} />
            </li>
          ))}
        </ul>
      </Panel>

      <Panel id="history" title={t("frameworkPage.history")}>
        <p className="mt-1 text-sm text-slate-600">{t("frameworkPage.historyLead")}</p>
        <ol className="mt-3 space-y-4">
          {history.map((entry) => (
            <li key={entry.version}>
              <h3 className="font-semibold">{t("frameworkPage.versionHeading", { version: entry.version, date: formatDate(entry.createdAt) })}</h3>
              {entry.reason ? (
                <p className="mt-1 text-sm">
                  {t("frameworkPage.reason")}: {entry.reason}
                </p>
              ) : null}
              {entry.changes.length > 0 ? (
                <div className="mt-1">
                  <FrameworkDiffList entries={entry.changes} decimals={decimals} />
                </div>
              ) : (
                <p className="mt-1 text-sm text-slate-600">{t("frameworkPage.firstVersion")}</p>
              )}
            </li>
          ))}
        </ol>
      </Panel>
    </div>
  );
}
