import { Link } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { getRegionPracticeOverview } from "~/modules/practices/practice-list.server";
import { PracticeCard } from "./practice-card";

type Overview = Awaited<ReturnType<typeof getRegionPracticeOverview>>;

/** On a region profile: its published practices, what others adopted from it, what it adopted. */
export function RegionPractices({ overview }: { overview: Overview }) {
  const { t, formatNumber } = useTranslator();
  return (
    <div className="mt-10 grid gap-8 lg:grid-cols-3">
      <section aria-labelledby="practices-heading" className="min-w-0 lg:col-span-2">
        <h2 id="practices-heading" className="text-xl font-bold">
          {t("regionPractices.title")}
        </h2>
        {overview.practices.length === 0 ? (
          <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">{t("regionPractices.none")}</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {overview.practices.map((practice) => (
              <li key={practice.id}>
                <PracticeCard practice={practice} showRegion={false} />
              </li>
            ))}
          </ul>
        )}
        {overview.total > overview.practices.length ? (
          <p className="mt-3">
            <Link to={`/praktik?daerah=${overview.practices[0]?.regionCode ?? ""}`}>{t("home.allPractices", { formatted: formatNumber(overview.total) })}</Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="replication-heading" className="min-w-0">
        <h2 id="replication-heading" className="text-xl font-bold">
          {t("regionPractices.replication")}
        </h2>
        <h3 className="mt-3 font-semibold">{t("regionPractices.shared")}</h3>
        {overview.shared.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("regionPractices.sharedNone")}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {overview.shared.map((adoption) => (
              <li key={adoption.adopterPracticeId}>
                <Link to={`/daerah/${adoption.adopterRegionCode}`}>{adoption.adopterRegionName}</Link>:{" "}
                <Link to={`/praktik/${adoption.adopterPracticeId}`}>{adoption.adopterTitle}</Link>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-4 font-semibold">{t("regionPractices.adopted")}</h3>
        {overview.adopted.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("regionPractices.adoptedNone")}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {overview.adopted.map((adoption) => (
              <li key={adoption.adopterPracticeId}>
                <Link to={`/praktik/${adoption.adopterPracticeId}`}>{adoption.adopterTitle}</Link> ←{" "}
                <Link to={`/daerah/${adoption.sourceRegionCode}`}>{adoption.sourceRegionName}</Link>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm">
          <Link to="/jaringan-adopsi">{t("network.title")}</Link>
        </p>
      </section>
    </div>
  );
}
