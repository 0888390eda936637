import { inArray } from "drizzle-orm";
import { regions, type visitEventKind } from "../../../db/schema";
import type { DatabaseOrTransaction } from "../db.server";
import type { NotificationKind } from "../notifications";
import { notify, regionEditors } from "../notifications/index.server";

type VisitEventKind = (typeof visitEventKind.enumValues)[number];

/**
 * Who hears of each step: a request, agreed dates and a withdrawal reach the host region's
 * editors; the host's answers reach the official who asked. A cancelled visit reaches both
 * sides: the official who asked, the visiting region's editors (they organise the trip) and the
 * host's other editors. Recording what was learned notifies nobody (an adoption it leads to
 * notifies the host through the adoption itself).
 */
const NOTIFIED = {
  requested: { kind: "visitRequested", to: "host" },
  dates_accepted: { kind: "visitDatesAccepted", to: "host" },
  withdrawn: { kind: "visitWithdrawn", to: "host" },
  accepted: { kind: "visitAccepted", to: "requester" },
  dates_proposed: { kind: "visitDatesProposed", to: "requester" },
  declined: { kind: "visitDeclined", to: "requester" },
  cancelled: { kind: "visitCancelled", to: "both" },
  completed: null,
} as const satisfies Record<VisitEventKind, { kind: NotificationKind; to: "host" | "requester" | "both" } | null>;

async function recipientsOf(tx: DatabaseOrTransaction, to: "host" | "requester" | "both", visit: { hostRegionCode: string; visitorRegionCode: string; requestedById: number }) {
  if (to === "requester") return [visit.requestedById];
  const host = await regionEditors(tx, visit.hostRegionCode);
  return to === "host" ? host : [...host, ...(await regionEditors(tx, visit.visitorRegionCode)), visit.requestedById];
}

/** Notifies the other side of a step on a visit, in the step's transaction `tx`; `note` is the reason given, if any. */
export async function notifyVisitEvent(
  tx: DatabaseOrTransaction,
  event: VisitEventKind,
  visit: { id: number; hostRegionCode: string; visitorRegionCode: string; requestedById: number },
  actorId: number,
  note?: string | null,
): Promise<void> {
  const notified = NOTIFIED[event];
  if (!notified) return;
  const names = new Map(
    (await tx.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, [visit.hostRegionCode, visit.visitorRegionCode]))).map((row) => [row.code, row.name]),
  );
  await notify(tx, {
    kind: notified.kind,
    actorId,
    recipients: await recipientsOf(tx, notified.to, visit),
    subject: { type: "visit", id: visit.id, link: `/kunjungan/${visit.id}` },
    payload: { host: names.get(visit.hostRegionCode) ?? visit.hostRegionCode, visitor: names.get(visit.visitorRegionCode) ?? visit.visitorRegionCode, ...(note ? { note } : {}) },
  });
}
