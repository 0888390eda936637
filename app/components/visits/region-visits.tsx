import { useTranslator } from "~/modules/i18n/use-translator";
import type { VisitStatus } from "~/modules/visits";
import { VisitList } from "./visit-parts";

type Visit = Parameters<typeof VisitList>[0]["visits"][number] & { visitorRegionCode: string; status: VisitStatus };

/**
 * A region's study visits, hosted and made. The loader already dropped what the viewer may not
 * see: open requests show only to both regions' editors and Kemendagri, never a contact.
 */
export function RegionVisits({ regionCode, visits }: { regionCode: string; visits: Visit[] }) {
  const { t } = useTranslator();
  const hosted = visits.filter((visit) => visit.hostRegionCode === regionCode);
  const made = visits.filter((visit) => visit.visitorRegionCode === regionCode);
  return (
    <section aria-labelledby="visits-heading" className="mt-10">
      <h2 id="visits-heading" className="text-xl font-bold">
        {t("studyVisits.heading")}
      </h2>
      <div className="mt-3 grid gap-6 md:grid-cols-2">
        {[
          { id: "hosted", title: t("studyVisits.hosted"), list: hosted },
          { id: "made", title: t("studyVisits.made"), list: made },
        ].map((part) => (
          <div key={part.id}>
            <h3 className="font-semibold">{part.title}</h3>
            {part.list.length > 0 ? <VisitList visits={part.list} regionCode={regionCode} /> : <p className="mt-2 text-slate-600">{t("studyVisits.none")}</p>}
          </div>
        ))}
      </div>
    </section>
  );
}
