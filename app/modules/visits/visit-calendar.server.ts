import { createEvent, type DateArray } from "ics";
import type { ServerTranslator } from "../i18n/translator";
import type { VisitStatus } from "./visit-workflow";

function dateArray(date: string, addDays = 0): DateArray {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + addDays);
  return [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
}

/**
 * An accepted visit as an iCalendar file; a cancelled or withdrawn one as its cancellation (METHOD:CANCEL,
 * STATUS:CANCELLED, a higher SEQUENCE, the same UID), which calendars apply by removing the event. The visit has days, not hours, so it is an all-day
 * event (DTSTART;VALUE=DATE): calendars show it on those days in any time zone, where a time in
 * Asia/Jakarta would move it across midnight for someone reading it elsewhere. DTEND is the day
 * after the last one, as RFC 5545 counts it. The `ics` library escapes every text.
 */
export function visitCalendar(
  visit: { id: number; status: VisitStatus; startDate: string; endDate: string; hostRegionName: string; visitorRegionName: string; practices: { title: string }[] },
  /** The visit's page on this site (appUrl), also the event's identity. */
  url: string,
  t: ServerTranslator["t"],
): string {
  // Called off after both sides agreed, by the host (cancelled) or the visiting region (withdrawn).
  const cancelled = visit.status === "cancelled" || visit.status === "withdrawn";
  const { error, value } = createEvent({
    productId: "idsl/kunjungan",
    uid: `kunjungan-${visit.id}@${new URL(url).host}`,
    ...(cancelled ? { method: "CANCEL", status: "CANCELLED", sequence: 1 } : { method: "PUBLISH", status: "CONFIRMED", sequence: 0 }),
    start: dateArray(visit.startDate),
    end: dateArray(visit.endDate, 1),
    title: t("studyVisitCalendar.title", { host: visit.hostRegionName, visitor: visit.visitorRegionName }),
    description: [...visit.practices.map((practice) => `• ${practice.title}`), url].join("\n"),
    location: visit.hostRegionName,
    url,
  });
  if (error || !value) throw error ?? new Error("no calendar");
  return value;
}
