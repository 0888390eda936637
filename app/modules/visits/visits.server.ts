import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { practiceAdoptions, practiceRevisions, practices, regions, users, visitEvents, visitPractices, visits } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { type Actor, can } from "../auth";
import { db, lockForTransaction } from "../db.server";
import type { FieldErrors, ValidationCode } from "../forms/form-data";
import { once } from "../forms/submit-once.server";
import { isPublicSql, selectPublicPractices } from "../practices/index.server";
import type { VisitDecision, VisitRequestInput } from "./visit-form.server";
import { notifyVisitEvent } from "./visit-notifications.server";
import { availableSteps, isOpenVisit, isPublicVisit, nextStatus, VISIT_STATUSES, type VisitSide, type VisitStatus } from "./visit-workflow";

/**
 * Version of the purpose note beside a visit contact's consent checkbox (`visits.contactPurpose`
 * in the workspace catalog), as CONTACT_PURPOSE_VERSION is for a practice's contact: raise it when
 * that text changes in meaning, so each request says which text the consent was given to.
 */
export const VISIT_CONTACT_PURPOSE_VERSION = 1;

export type VisitResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/** A result as once() stores it for a replay: one refused field at most. */
type StoredVisitResult = { ok: true; id: number } | { ok: false; field: string; code: ValidationCode };

function visitResult(stored: StoredVisitResult): VisitResult {
  return stored.ok ? stored : { ok: false, errors: { [stored.field]: { code: stored.code } } };
}

/** A region's published practices a visit may be about. */
export async function listVisitablePractices(regionCode: string) {
  return selectPublicPractices({ id: practices.id, title: practiceRevisions.title }, { where: eq(practices.regionCode, regionCode) }).orderBy(practiceRevisions.title);
}

/**
 * Records a study visit request from the actor's region. Refused with a message next to the
 * field: the actor's own region, a practice that is not a published practice of the host, a
 * request for the same start date still open. A replayed form (same one-time token and input)
 * answers with the visit it created.
 */
export async function requestVisit(input: VisitRequestInput & { actor: Actor; ip: string; formToken: string | null }): Promise<VisitResult> {
  const { actor } = input;
  if (!can(actor, { action: "visit.request", hostRegionCode: input.hostRegionCode })) {
    return { ok: false, errors: { hostRegionCode: { code: actor.regionCode === input.hostRegionCode ? "visitSameRegion" : "visitRequestNotAllowed" } } };
  }
  const visitorRegionCode = actor.regionCode!;
  const host = await db().query.regions.findFirst({ where: eq(regions.code, input.hostRegionCode), columns: { code: true } });
  if (!host) return { ok: false, errors: { hostRegionCode: { code: "regionUnknown" } } };
  const found = await db()
    .select({ id: practices.id })
    .from(practices)
    .where(and(inArray(practices.id, input.practiceIds), eq(practices.regionCode, host.code), isPublicSql()));
  if (found.length !== input.practiceIds.length) return { ok: false, errors: { praktik: { code: "practiceUnknown" } } };

  const { actor: _actor, ip, formToken, ...sent } = input;
  const stored = await db().transaction((tx) =>
    once<StoredVisitResult>(tx, { userId: actor.id, scope: `visit:${host.code}`, token: formToken, sent }, async () => {
      // One open request per region pair and start date (also a unique index): checked under a lock for a clear message.
      await lockForTransaction(tx, `visit:${visitorRegionCode}>${host.code}`);
      const [open] = await tx
        .select({ id: visits.id })
        .from(visits)
        .where(
          and(
            eq(visits.visitorRegionCode, visitorRegionCode),
            eq(visits.hostRegionCode, host.code),
            eq(visits.startDate, input.startDate),
            inArray(visits.status, ["requested", "dates_proposed"]),
          ),
        );
      if (open) return { ok: false, field: "startDate", code: "visitOpenExists" };
      const [visit] = await tx
        .insert(visits)
        .values({
          hostRegionCode: host.code,
          visitorRegionCode,
          requestedById: actor.id,
          purpose: input.purpose,
          participants: input.participants,
          startDate: input.startDate,
          endDate: input.endDate,
          contact: input.contact,
          contactPurposeVersion: VISIT_CONTACT_PURPOSE_VERSION,
        })
        .returning({ id: visits.id });
      await tx.insert(visitPractices).values(input.practiceIds.map((practiceId) => ({ visitId: visit!.id, practiceId })));
      await tx.insert(visitEvents).values({ visitId: visit!.id, kind: "requested", actorId: actor.id, startDate: input.startDate, endDate: input.endDate });
      await recordAudit({ actorId: actor.id, action: "visit.requested", targetType: "visit", targetId: visit!.id, after: { hostRegionCode: host.code, visitorRegionCode }, ip }, tx);
      await notifyVisitEvent(tx, "requested", { id: visit!.id, hostRegionCode: host.code, visitorRegionCode, requestedById: actor.id }, actor.id);
      return { ok: true, id: visit!.id };
    }),
  );
  return visitResult(stored);
}

/** The sides `actor` may act for on this visit (none for a curator, who only reads). */
export function sidesOf(actor: Actor | null, visit: { hostRegionCode: string; visitorRegionCode: string; requestedById: number }): VisitSide[] {
  const sides: VisitSide[] = [];
  if (can(actor, { action: "visit.decide", hostRegionCode: visit.hostRegionCode })) sides.push("host");
  if (can(actor, { action: "visit.followUp", visitorRegionCode: visit.visitorRegionCode, requestedById: visit.requestedById })) sides.push("visitor");
  return sides;
}

/** The event each step writes into the visit's history. */
const EVENT_OF = { accept: "accepted", proposeDates: "dates_proposed", decline: "declined", acceptDates: "dates_accepted", withdraw: "withdrawn", complete: "completed", cancel: "cancelled" } as const;

/**
 * Takes one step on a visit for the side the actor belongs to, in one transaction holding the
 * visit's row: a step the status does not allow (someone else acted first, a forged id of
 * another region's request) changes nothing and says so.
 */
export async function decideOnVisit(input: { visitId: number; decision: VisitDecision; actor: Actor; ip: string; formToken: string | null; today: string }): Promise<VisitResult> {
  const { decision, actor } = input;
  const notAllowed: StoredVisitResult = { ok: false, field: "form", code: "visitStepNotAllowed" };
  const stored = await db().transaction((tx) =>
    once<StoredVisitResult>(tx, { userId: actor.id, scope: `visit-step:${input.visitId}`, token: input.formToken, sent: decision }, async () => {
      const [visit] = await tx.select().from(visits).where(eq(visits.id, input.visitId)).for("update");
      if (!visit) return notAllowed;
      const sides = sidesOf(actor, visit);
      if (!availableSteps(visit, sides, input.today).includes(decision.step)) return notAllowed;
      const status = sides.map((side) => nextStatus(visit.status, decision.step, side)).find((next) => next !== null)!;

      const changes: Partial<typeof visits.$inferInsert> = { status, updatedAt: new Date() };
      const event: typeof visitEvents.$inferInsert = { visitId: visit.id, kind: EVENT_OF[decision.step], actorId: actor.id };
      switch (decision.step) {
        case "accept":
        case "proposeDates":
          Object.assign(changes, { startDate: decision.startDate, endDate: decision.endDate });
          Object.assign(event, { startDate: decision.startDate, endDate: decision.endDate });
          break;
        case "acceptDates":
          Object.assign(event, { startDate: visit.startDate, endDate: visit.endDate });
          break;
        case "decline":
        case "cancel":
          event.note = decision.reason;
          break;
        case "complete": {
          if (decision.adopterPracticeId !== null && !(await adoptionFromHost(visit, decision.adopterPracticeId))) {
            return { ok: false, field: "adopsi", code: "practiceUnknown" };
          }
          Object.assign(changes, { lessons: decision.lessons, adopterPracticeId: decision.adopterPracticeId });
          event.note = decision.lessons;
          break;
        }
        case "withdraw":
          break;
      }
      await tx.update(visits).set(changes).where(eq(visits.id, visit.id));
      await tx.insert(visitEvents).values(event);
      await notifyVisitEvent(tx, event.kind, visit, actor.id, event.note);
      await recordAudit(
        { actorId: actor.id, action: `visit.${event.kind}`, targetType: "visit", targetId: visit.id, before: { status: visit.status }, after: { status }, ip: input.ip },
        tx,
      );
      return { ok: true, id: visit.id };
    }),
  );
  return visitResult(stored);

  /** Whether the visiting region's practice records an adoption from the host region. */
  async function adoptionFromHost(visit: { hostRegionCode: string; visitorRegionCode: string }, adopterPracticeId: number) {
    const [row] = await db()
      .select({ id: practiceAdoptions.adopterPracticeId })
      .from(practiceAdoptions)
      .innerJoin(practices, eq(practices.id, practiceAdoptions.adopterPracticeId))
      .where(
        and(
          eq(practiceAdoptions.adopterPracticeId, adopterPracticeId),
          eq(practices.regionCode, visit.visitorRegionCode),
          eq(practiceAdoptions.sourceRegionCode, visit.hostRegionCode),
        ),
      );
    return row !== undefined;
  }
}

/** Adoptions the visiting region recorded from the host region: what a completed visit may link. */
export async function listLinkableAdoptions(visit: { hostRegionCode: string; visitorRegionCode: string }) {
  return db()
    .select({ adopterPracticeId: practiceAdoptions.adopterPracticeId, title: practiceRevisions.title })
    .from(practiceAdoptions)
    .innerJoin(practices, eq(practices.id, practiceAdoptions.adopterPracticeId))
    .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.latestRevisionId))
    .where(and(eq(practices.regionCode, visit.visitorRegionCode), eq(practiceAdoptions.sourceRegionCode, visit.hostRegionCode)))
    .orderBy(practiceRevisions.title);
}

/** The visiting region's own practices, each of which may record an adoption from the host. */
export async function listVisitorPractices(visitorRegionCode: string) {
  return db()
    .select({ id: practices.id, title: practiceRevisions.title })
    .from(practices)
    .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.latestRevisionId))
    .where(eq(practices.regionCode, visitorRegionCode))
    .orderBy(practiceRevisions.title);
}

const hostRegion = alias(regions, "host_region");
const visitorRegion = alias(regions, "visitor_region");
const adopterRevision = alias(practiceRevisions, "adopter_revision");
const adopterPractice = alias(practices, "adopter_practice");

/** Whether the visit was accepted once (by the host, or the requester accepting proposed dates). */
const agreedSql = sql<boolean>`exists (select 1 from ${visitEvents} where ${visitEvents.visitId} = ${visits.id} and ${visitEvents.kind} in ('accepted', 'dates_accepted'))`;

const summaryColumns = {
  id: visits.id,
  status: visits.status,
  agreed: agreedSql,
  startDate: visits.startDate,
  endDate: visits.endDate,
  participants: visits.participants,
  hostRegionCode: visits.hostRegionCode,
  hostRegionName: hostRegion.name,
  visitorRegionCode: visits.visitorRegionCode,
  visitorRegionName: visitorRegion.name,
  requestedById: visits.requestedById,
};

function selectVisits() {
  return db()
    .select(summaryColumns)
    .from(visits)
    .innerJoin(hostRegion, eq(hostRegion.code, visits.hostRegionCode))
    .innerJoin(visitorRegion, eq(visitorRegion.code, visits.visitorRegionCode))
    .$dynamic();
}

export type VisitSummary = Awaited<ReturnType<typeof listVisits>>[number];

/** The /kunjungan list's page size. */
export const VISIT_PAGE_SIZE = 25;

/**
 * The visits `actor` may see in a list, as SQL (canSeeVisit row by row, so a page holds a full
 * page of visible visits): accepted, completed and cancelled ones for everyone; the others for
 * Kemendagri, both regions' editors and the official who asked.
 */
function visibleTo(actor: Actor | null): SQL | undefined {
  if (actor && (actor.role === "admin" || actor.role === "curator")) return undefined;
  const publicAnyway = VISIT_STATUSES.filter((status) => isPublicVisit({ status, agreed: false }));
  const publicIfAgreed = VISIT_STATUSES.filter((status) => isPublicVisit({ status, agreed: true }) && !publicAnyway.includes(status));
  const visible = [inArray(visits.status, publicAnyway), and(inArray(visits.status, publicIfAgreed), agreedSql)!];
  if (actor?.regionCode) {
    if (actor.role === "editor") visible.push(eq(visits.hostRegionCode, actor.regionCode), eq(visits.visitorRegionCode, actor.regionCode));
    visible.push(and(eq(visits.requestedById, actor.id), eq(visits.visitorRegionCode, actor.regionCode))!);
  }
  return or(...visible);
}

function visitsWhere(actor: Actor | null, regionCode: string | undefined): SQL | undefined {
  return and(visibleTo(actor), regionCode ? or(eq(visits.hostRegionCode, regionCode), eq(visits.visitorRegionCode, regionCode)) : undefined);
}

/**
 * Visits as `actor` may see them in a list, latest first: accepted, completed and cancelled
 * ones for everyone, the others only to both regions' editors, the requester and Kemendagri.
 * `regionCode` keeps those one region hosts or makes.
 */
export async function listVisits(actor: Actor | null, options: { regionCode?: string; limit?: number; offset?: number } = {}) {
  const { regionCode, limit = 100, offset = 0 } = options;
  return selectVisits().where(visitsWhere(actor, regionCode)).orderBy(desc(visits.startDate), desc(visits.id)).limit(limit).offset(offset);
}

/** One page (1-based) of the visits `actor` may see, and how many pages there are. */
export async function visitPage(actor: Actor | null, page: number) {
  const [rows, [counted]] = await Promise.all([
    listVisits(actor, { limit: VISIT_PAGE_SIZE, offset: (page - 1) * VISIT_PAGE_SIZE }),
    db().select({ total: count() }).from(visits).where(visitsWhere(actor, undefined)),
  ]);
  return { visits: rows, page, pageCount: Math.max(1, Math.ceil((counted?.total ?? 0) / VISIT_PAGE_SIZE)) };
}

/** Whether `actor` may see this visit at all (its public part, for accepted and completed ones). */
export function canSeeVisit(actor: Actor | null, visit: { status: VisitStatus; agreed: boolean; hostRegionCode: string; visitorRegionCode: string; requestedById: number }): boolean {
  return isPublicVisit(visit) || can(actor, { action: "visit.read", ...visit });
}

/**
 * One visit as `actor` may see it, or null (unknown, or an open request of other regions). The
 * contact, the purpose and the history are only for those who may read the request in full.
 */
export async function getVisit(id: number, actor: Actor | null) {
  const [visit] = await db()
    .select({
      ...summaryColumns,
      purpose: visits.purpose,
      contact: visits.contact,
      contactPurposeVersion: visits.contactPurposeVersion,
      lessons: visits.lessons,
      adopterPracticeId: visits.adopterPracticeId,
      adopterTitle: adopterRevision.title,
      requestedByName: users.name,
      createdAt: visits.createdAt,
    })
    .from(visits)
    .innerJoin(hostRegion, eq(hostRegion.code, visits.hostRegionCode))
    .innerJoin(visitorRegion, eq(visitorRegion.code, visits.visitorRegionCode))
    .innerJoin(users, eq(users.id, visits.requestedById))
    .leftJoin(adopterPractice, eq(adopterPractice.id, visits.adopterPracticeId))
    .leftJoin(adopterRevision, and(eq(adopterRevision.id, adopterPractice.publishedRevisionId), isPublicSql(adopterPractice)))
    .where(eq(visits.id, id));
  if (!visit || !canSeeVisit(actor, visit)) return null;
  const full = can(actor, { action: "visit.read", ...visit });
  const [practiceRows, events] = await Promise.all([
    selectPublicPractices({ id: practices.id, title: practiceRevisions.title })
      .innerJoin(visitPractices, eq(visitPractices.practiceId, practices.id))
      .where(and(eq(visitPractices.visitId, id), isPublicSql()))
      .orderBy(practiceRevisions.title),
    full
      ? db()
          .select({ id: visitEvents.id, kind: visitEvents.kind, actorName: users.name, startDate: visitEvents.startDate, endDate: visitEvents.endDate, note: visitEvents.note, createdAt: visitEvents.createdAt })
          .from(visitEvents)
          .innerJoin(users, eq(users.id, visitEvents.actorId))
          .where(eq(visitEvents.visitId, id))
          .orderBy(asc(visitEvents.id))
      : Promise.resolve([]),
  ]);
  const { contact, contactPurposeVersion, requestedByName, ...publicPart } = visit;
  return {
    ...publicPart,
    practices: practiceRows,
    // Personal data (the contact, who asked) and the history: both regions and Kemendagri only.
    request: full ? { contact, contactPurposeVersion, requestedByName, events } : null,
    open: isOpenVisit(visit.status),
  };
}

export type VisitDetail = NonNullable<Awaited<ReturnType<typeof getVisit>>>;

/**
 * What a new request is about: the region of the public practice `practiceId` (?praktik=) or
 * the region `regionCode` (?daerah=), its practices a visit may be about and those pre-chosen;
 * null when neither names a region with published practices.
 */
export async function newVisitChoice(query: { practiceId: number | null; regionCode: string | null }) {
  const [fromPractice] =
    query.practiceId === null
      ? []
      : await db().select({ regionCode: practices.regionCode }).from(practices).where(and(eq(practices.id, query.practiceId), isPublicSql()));
  const code = fromPractice?.regionCode ?? query.regionCode;
  if (!code) return null;
  const [region] = await db().select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.code, code));
  if (!region) return null;
  const candidates = await listVisitablePractices(region.code);
  if (candidates.length === 0) return null;
  return { region, practices: candidates, chosen: fromPractice ? [query.practiceId!] : [] };
}
