import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { EmptyState } from "~/components/ui/filters";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { getAdoptionNetwork, NETWORK_HEIGHT, NETWORK_WIDTH } from "~/modules/practices/adoption-network.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorForRequest(request);
  return { title: t("network.title"), network: await getAdoptionNetwork() };
}

const NODE_RADIUS = 10;

/** Shortens a line so its arrowhead stops at the target circle's edge. */
function trimmed(start: { x: number; y: number }, end: { x: number; y: number }, by: number) {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: end.x - (dx / length) * by, y: end.y - (dy / length) * by };
}

export default function AdoptionNetwork() {
  const { network } = useLoaderData<typeof loader>();
  const { t } = useExtraTranslator();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("network.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("network.lead")}</p>
      {network.nodes.length === 0 ? (
        <EmptyState title={t("network.empty")} />
      ) : (
        <figure className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <svg viewBox={`0 0 ${NETWORK_WIDTH} ${NETWORK_HEIGHT}`} role="img" aria-labelledby="network-title network-desc" className="h-auto w-full">
            <title id="network-title">{t("network.title")}</title>
            <desc id="network-desc">{t("network.description", { regions: network.nodes.length, adoptions: network.adoptions.length })}</desc>
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className="fill-brand-700" />
              </marker>
            </defs>
            {network.links.map((link) => {
              const end = trimmed(link.start, link.end, NODE_RADIUS + 4);
              return (
                <line
                  key={`${link.from}-${link.to}`}
                  x1={link.start.x}
                  y1={link.start.y}
                  x2={end.x}
                  y2={end.y}
                  strokeWidth={1.5 + link.count}
                  markerEnd="url(#arrow)"
                  className="stroke-brand-700/60"
                />
              );
            })}
            {network.nodes.map((node) => (
              <g key={node.code}>
                <circle cx={node.x} cy={node.y} r={NODE_RADIUS + Math.min(node.shared, 5) * 2} className={node.shared > 0 ? "fill-brand-600" : "fill-emerald-600"} />
                <text x={node.x} y={node.y + NODE_RADIUS + 22} textAnchor="middle" className="fill-slate-900 text-[14px]">
                  {node.name}
                </text>
              </g>
            ))}
          </svg>
          <figcaption className="mt-2 flex flex-wrap gap-6 text-sm text-slate-700">
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full bg-brand-600" /> {t("network.legendShared")}
            </span>
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full bg-emerald-600" /> {t("network.legendAdopted")}
            </span>
            <span>{t("network.legendArrow")}</span>
          </figcaption>
        </figure>
      )}
      {network.adoptions.length > 0 ? (
        <section aria-labelledby="network-table-heading" className="mt-8">
          <h2 id="network-table-heading" className="text-xl font-bold">
            {t("network.tableTitle")}
          </h2>
          <DataTable
            className="mt-3"
            rows={network.adoptions}
            rowKey={(adoption) => adoption.adopterPracticeId}
            columns={[
              {
                id: "from",
                header: t("network.from"),
                cell: (adoption) => (
                  <>
                    <Link to={`/daerah/${adoption.sourceRegionCode}`}>{adoption.sourceRegionName}</Link>
                    {adoption.sourcePracticeId ? (
                      <span className="block text-xs">
                        <Link to={`/praktik/${adoption.sourcePracticeId}`}>{adoption.sourceTitle}</Link>
                      </span>
                    ) : null}
                  </>
                ),
              },
              { id: "to", header: t("network.to"), cell: (adoption) => <Link to={`/daerah/${adoption.adopterRegionCode}`}>{adoption.adopterRegionName}</Link> },
              { id: "practice", header: t("network.practice"), cell: (adoption) => <Link to={`/praktik/${adoption.adopterPracticeId}`}>{adoption.adopterTitle}</Link> },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
