/**
 * Requests for an application from another region, and the owner's decision. Approval records
 * the requester's adoption of the supported practice (practice_adoptions) in the same transaction.
 */
import { and, count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { applicationPractices, applicationRequests, applications, practiceAdoptions, practiceRevisions, practices, regions, users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { type Actor, can } from "../auth";
import { db, type DatabaseOrTransaction } from "../db.server";
import type { FieldErrors } from "../forms/form-data";
import { once } from "../forms/submit-once.server";
import { notify, regionEditors } from "../notifications/index.server";
import { getPracticeHeader, isPublicSql, recordAdoption } from "../practices/index.server";
import { isPublic } from "../practices";
import { APPLICATION_CONTACT_PURPOSE_VERSION } from "./application-content";
import type { Decision, RequestInput } from "./application-form.server";

/** What a request's notifications link to: the application page's requests. */
function requestSubject(applicationId: number, requestId: number) {
  return { type: "application_request", id: requestId, link: `/aplikasi/${applicationId}#permintaan` };
}

async function regionName(tx: DatabaseOrTransaction, code: string): Promise<string> {
  const [row] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return row?.name ?? code;
}

export type RequestResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/**
 * Field errors when this pair of practices cannot (or can no longer) make the adoption: the
 * source must be a public practice the application supports, the adopter a public practice of
 * the requesting region, and the adopter must not already record a different source (approval
 * would overwrite it).
 */
async function adoptionErrors(applicationId: number, requesterRegionCode: string, sourcePracticeId: number, adopterPracticeId: number): Promise<FieldErrors | null> {
  const [supported] = await db()
    .select({ id: practices.id })
    .from(applicationPractices)
    .innerJoin(practices, eq(practices.id, applicationPractices.practiceId))
    .where(and(eq(applicationPractices.applicationId, applicationId), eq(practices.id, sourcePracticeId), isPublicSql()));
  if (!supported) return { sourcePracticeId: { code: "practiceUnknown" } };
  const adopter = await getPracticeHeader(adopterPracticeId);
  if (!adopter || adopter.regionCode !== requesterRegionCode || !isPublic(adopter)) return { adopterPracticeId: { code: "applicationAdopterNotOwn" } };
  const [existing] = await db()
    .select({ sourcePracticeId: practiceAdoptions.sourcePracticeId })
    .from(practiceAdoptions)
    .where(eq(practiceAdoptions.adopterPracticeId, adopterPracticeId));
  if (existing && existing.sourcePracticeId !== sourcePracticeId) return { adopterPracticeId: { code: "applicationAdopterTaken" } };
  return null;
}

/**
 * A signed-in official asks for another region's application. Refused with a field message:
 * an account of the owner region (or of no region), a second pending request of the same
 * region, practices that do not fit. A replayed form answers with the first request.
 */
export async function requestApplication(input: { applicationId: number; actor: Actor; request: RequestInput; ip: string; formToken: string | null }): Promise<RequestResult> {
  const [application] = await db().select({ regionCode: applications.regionCode, name: applications.name }).from(applications).where(eq(applications.id, input.applicationId));
  if (!application) return { ok: false, errors: { form: { code: "applicationNotAllowed" } } };
  const requesterRegionCode = input.actor.regionCode;
  if (!requesterRegionCode || !can(input.actor, { action: "application.request", ownerRegionCode: application.regionCode })) {
    return { ok: false, errors: { form: { code: "applicationOwnRegion" } } };
  }
  const { request } = input;
  const errors = await adoptionErrors(input.applicationId, requesterRegionCode, request.sourcePracticeId, request.adopterPracticeId);
  if (errors) return { ok: false, errors };
  const submission = { userId: input.actor.id, scope: `application-request:${input.applicationId}`, token: input.formToken, sent: request };
  const id = await db().transaction((tx) =>
    once(tx, submission, async () => {
      // The partial unique index holds one pending request per region and application: a
      // second one inserts nothing, also when two are sent at the same moment.
      const [row] = await tx
        .insert(applicationRequests)
        .values({ applicationId: input.applicationId, requesterRegionCode, requestedById: input.actor.id, ...request, contactPurposeVersion: APPLICATION_CONTACT_PURPOSE_VERSION })
        .onConflictDoNothing()
        .returning({ id: applicationRequests.id });
      if (!row) return null;
      await notify(tx, {
        kind: "applicationRequested",
        actorId: input.actor.id,
        recipients: await regionEditors(tx, application.regionCode),
        subject: requestSubject(input.applicationId, row.id),
        payload: { application: application.name, region: await regionName(tx, requesterRegionCode) },
      });
      await recordAudit(
        { actorId: input.actor.id, action: "application.requested", targetType: "application", targetId: input.applicationId, after: { requestId: row.id, requesterRegionCode }, ip: input.ip },
        tx,
      );
      return row.id;
    }),
  );
  return id === null ? { ok: false, errors: { form: { code: "applicationRequestPending" } } } : { ok: true, id };
}

/**
 * The owner region's editor approves or declines a pending request. Approval records the
 * adoption in the same transaction; a request already decided (a second click, another
 * editor first) is refused, so an adoption is recorded once.
 */
export async function decideRequest(input: { applicationId: number; decision: Decision; actor: Actor; ip: string; formToken: string | null }): Promise<RequestResult> {
  const { decision } = input;
  const submission = { userId: input.actor.id, scope: `application-decision:${decision.requestId}`, token: input.formToken, sent: decision };
  return db().transaction(async (tx) => {
    const [request] = await tx
      .select({ request: applicationRequests, ownerRegionCode: applications.regionCode, applicationName: applications.name })
      .from(applicationRequests)
      .innerJoin(applications, eq(applications.id, applicationRequests.applicationId))
      .where(and(eq(applicationRequests.id, decision.requestId), eq(applicationRequests.applicationId, input.applicationId)))
      .for("update", { of: applicationRequests });
    if (!request || !can(input.actor, { action: "application.decide", regionCode: request.ownerRegionCode })) {
      return { ok: false, errors: { form: { code: "applicationNotAllowed" } } } satisfies RequestResult;
    }
    const outcome = await once(tx, submission, () => decidePending(tx, request, input));
    return outcome === "decided" ? { ok: true, id: decision.requestId } : { ok: false, errors: { form: { code: outcome } } };
  });
}

type DecisionOutcome = "decided" | "applicationAlreadyDecided" | "applicationAdoptionChanged";

async function decidePending(
  tx: DatabaseOrTransaction,
  { request, ownerRegionCode, applicationName }: { request: typeof applicationRequests.$inferSelect; ownerRegionCode: string; applicationName: string },
  input: { applicationId: number; decision: Decision; actor: Actor; ip: string },
): Promise<DecisionOutcome> {
  const { decision } = input;
  if (request.status !== "pending") return "applicationAlreadyDecided";
  if (decision.decision === "approve") {
    const { sourcePracticeId, adopterPracticeId } = request;
    // The practices were checked when the request was made; one may have changed since.
    if (sourcePracticeId === null || adopterPracticeId === null) return "applicationAdoptionChanged";
    if (await adoptionErrors(input.applicationId, request.requesterRegionCode, sourcePracticeId, adopterPracticeId)) return "applicationAdoptionChanged";
    const adopted = await recordAdoption(
      { adopterPracticeId, sourcePracticeId, sourceRegionCode: ownerRegionCode, note: decision.note, actorId: input.actor.id, ip: input.ip },
      tx,
    );
    if (!adopted.ok) return "applicationAdoptionChanged";
  }
  await tx
    .update(applicationRequests)
    .set({ status: decision.decision === "approve" ? "approved" : "declined", decidedById: input.actor.id, decidedAt: new Date(), decisionNote: decision.note })
    .where(eq(applicationRequests.id, request.id));
  await notify(tx, {
    kind: decision.decision === "approve" ? "applicationApproved" : "applicationDeclined",
    actorId: input.actor.id,
    recipients: [request.requestedById],
    subject: requestSubject(input.applicationId, request.id),
    payload: { application: applicationName, region: await regionName(tx, ownerRegionCode), note: decision.note },
  });
  await recordAudit(
    {
      actorId: input.actor.id,
      action: decision.decision === "approve" ? "application.request_approved" : "application.request_declined",
      targetType: "application",
      targetId: input.applicationId,
      after: { requestId: request.id, requesterRegionCode: request.requesterRegionCode, note: decision.note },
      ip: input.ip,
    },
    tx,
  );
  return "decided";
}

/** Requests with what their lists show (contacts included), for a caller to filter, order and page. */
function selectRequests() {
  const requester = alias(regions, "requester_region");
  const owner = alias(regions, "owner_region");
  const source = alias(practiceRevisions, "source_revision");
  const sourcePractice = alias(practices, "source_practice");
  const adopter = alias(practiceRevisions, "adopter_revision");
  const adopterPractice = alias(practices, "adopter_practice");
  return db()
    .select({
      id: applicationRequests.id,
      applicationId: applications.id,
      applicationName: applications.name,
      ownerRegionCode: owner.code,
      ownerRegionName: owner.name,
      requesterRegionCode: requester.code,
      requesterRegionName: requester.name,
      requestedByName: users.name,
      purpose: applicationRequests.purpose,
      contact: applicationRequests.contact,
      sourcePracticeId: applicationRequests.sourcePracticeId,
      sourceTitle: source.title,
      adopterPracticeId: applicationRequests.adopterPracticeId,
      adopterTitle: adopter.title,
      status: applicationRequests.status,
      decisionNote: applicationRequests.decisionNote,
      decidedAt: applicationRequests.decidedAt,
      createdAt: applicationRequests.createdAt,
    })
    .from(applicationRequests)
    .innerJoin(applications, eq(applications.id, applicationRequests.applicationId))
    .innerJoin(owner, eq(owner.code, applications.regionCode))
    .innerJoin(requester, eq(requester.code, applicationRequests.requesterRegionCode))
    .innerJoin(users, eq(users.id, applicationRequests.requestedById))
    .leftJoin(sourcePractice, eq(sourcePractice.id, applicationRequests.sourcePracticeId))
    .leftJoin(source, eq(source.id, sourcePractice.publishedRevisionId))
    .leftJoin(adopterPractice, eq(adopterPractice.id, applicationRequests.adopterPracticeId))
    .leftJoin(adopter, eq(adopter.id, adopterPractice.publishedRevisionId))
    .$dynamic();
}

/** Whether `viewer` may read a row and decide it now: what each list adds to it. */
function forViewer(viewer: Actor) {
  return <Row extends { ownerRegionCode: string; requesterRegionCode: string; status: string }>(rows: Row[]) =>
    rows
      .filter((row) => can(viewer, { action: "application.requestRead", ownerRegionCode: row.ownerRegionCode, requesterRegionCode: row.requesterRegionCode }))
      .map((row) => ({ ...row, canDecide: row.status === "pending" && can(viewer, { action: "application.decide", regionCode: row.ownerRegionCode }) }));
}

const newestFirst = [desc(applicationRequests.createdAt), desc(applicationRequests.id)];

/**
 * An application's requests this viewer may read, newest first: the owner region's editors and
 * Kemendagri see all; a requesting region's officials see their region's.
 */
export async function listRequests(viewer: Actor, filter: { applicationId: number }) {
  return forViewer(viewer)(await selectRequests().where(eq(applications.id, filter.applicationId)).orderBy(...newestFirst));
}

export const REQUEST_PAGE_SIZE = 20;

/**
 * One page (1-based) of the requests for the viewer's region's applications ("incoming") or of
 * its own requests ("outgoing"), newest first, and how many pages there are. Incoming ones are
 * for the region's editors (who decide them) only; its members get an empty list.
 */
export async function requestPage(viewer: Actor & { regionCode: string }, direction: "incoming" | "outgoing", page: number) {
  // A request from any other region ("" is none) to this one: readable by its editors only.
  if (direction === "incoming" && !can(viewer, { action: "application.requestRead", ownerRegionCode: viewer.regionCode, requesterRegionCode: "" })) {
    return { requests: [], page, pageCount: 1 };
  }
  const where = direction === "incoming" ? eq(applications.regionCode, viewer.regionCode) : eq(applicationRequests.requesterRegionCode, viewer.regionCode);
  const [rows, [counted]] = await Promise.all([
    selectRequests()
      .where(where)
      .orderBy(...newestFirst)
      .limit(REQUEST_PAGE_SIZE)
      .offset((page - 1) * REQUEST_PAGE_SIZE),
    db().select({ total: count() }).from(applicationRequests).innerJoin(applications, eq(applications.id, applicationRequests.applicationId)).where(where),
  ]);
  return { requests: forViewer(viewer)(rows), page, pageCount: Math.max(1, Math.ceil((counted?.total ?? 0) / REQUEST_PAGE_SIZE)) };
}

export type ApplicationRequestRow = Awaited<ReturnType<typeof listRequests>>[number];
