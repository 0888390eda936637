import { Link } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { getRegionApplications } from "~/modules/applications/index.server";

type RegionApplications = Awaited<ReturnType<typeof getRegionApplications>>;

/** On a region profile: the applications it shares and those it uses (from approved requests and adoptions). */
export function RegionApplicationsSection({ applications }: { applications: RegionApplications }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="applications-heading" className="mt-10">
      <h2 id="applications-heading" className="text-xl font-bold">
        {t("regionApplications.title")}
      </h2>
      <div className="mt-3 grid gap-6 sm:grid-cols-2">
        <div>
          <h3 className="font-semibold">{t("regionApplications.shared")}</h3>
          {applications.shared.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("regionApplications.none")}</p>
          ) : (
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
              {applications.shared.map((application) => (
                <li key={application.id}>
                  <Link to={`/aplikasi/${application.id}`}>{application.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="font-semibold">{t("regionApplications.used")}</h3>
          {applications.used.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("regionApplications.none")}</p>
          ) : (
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
              {applications.used.map((use) => (
                <li key={use.applicationId}>
                  <Link to={`/aplikasi/${use.applicationId}`}>{use.applicationName}</Link> ←{" "}
                  <Link to={`/daerah/${use.ownerRegionCode}`}>{use.ownerRegionName}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <p className="mt-3 text-sm">
        <Link to="/aplikasi">{t("regionApplications.catalog")}</Link>
      </p>
    </section>
  );
}
