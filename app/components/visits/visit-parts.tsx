import { Link } from "@remix-run/react";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { VisitStatus } from "~/modules/visits";

const STATUS_TONES: Record<VisitStatus, BadgeTone> = {
  requested: "warning",
  dates_proposed: "warning",
  accepted: "success",
  completed: "brand",
  declined: "neutral",
  withdrawn: "neutral",
  cancelled: "neutral",
};

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslator();
  return <Badge tone={STATUS_TONES[status]}>{t(`studyVisits.status.${status}`)}</Badge>;
}

/** "3 Des 2026 – 5 Des 2026", or one date for a one-day visit. */
export function useVisitDates() {
  const { formatDate } = useTranslator();
  return (visit: { startDate: string; endDate: string }) =>
    visit.startDate === visit.endDate ? formatDate(visit.startDate) : `${formatDate(visit.startDate)} – ${formatDate(visit.endDate)}`;
}

/** A list of visits, each linking to its page, seen from `regionCode` (or from both sides when absent). */
export function VisitList({
  visits,
  regionCode,
}: {
  visits: { id: number; status: VisitStatus; startDate: string; endDate: string; participants: number; hostRegionCode: string; hostRegionName: string; visitorRegionName: string }[];
  regionCode?: string;
}) {
  const { t } = useTranslator();
  const dates = useVisitDates();
  return (
    <ul className="mt-2 space-y-2">
      {visits.map((visit) => (
        <li key={visit.id} className="flex flex-wrap items-center gap-2">
          <Link to={`/kunjungan/${visit.id}`} className="underline">
            {regionCode === undefined
              ? `${visit.visitorRegionName} → ${visit.hostRegionName}`
              : visit.hostRegionCode === regionCode
                ? t("studyVisits.from", { region: visit.visitorRegionName })
                : t("studyVisits.to", { region: visit.hostRegionName })}
          </Link>
          <span className="text-sm text-slate-700">
            {dates(visit)} · {t("studyVisits.participants", { count: visit.participants })}
          </span>
          <VisitStatusBadge status={visit.status} />
        </li>
      ))}
    </ul>
  );
}
