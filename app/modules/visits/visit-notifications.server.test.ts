/**
 * Each step on a study visit notifies the other side exactly once per recipient (inbox, and the
 * email its default channel asks for), never the actor, and a replayed request nobody twice.
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { notificationEmails, notifications } from "../../../db/schema";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { jakartaToday, type VisitDecision } from "./visit-form.server";
import { decideOnVisit, requestVisit } from "./visits.server";

// Regions no other test gives editors, so their editors are exactly the ones below.
const HOST = "36.03";
const VISITOR = "36.71";
const ip = "127.0.0.1";
let hostEditor: Actor;
let otherHostEditor: Actor;
let visitorEditor: Actor;
let requester: Actor;
let practiceId: number;
let day = 20;

beforeAll(async () => {
  let curator: Actor;
  [hostEditor, otherHostEditor, visitorEditor, requester, curator] = await Promise.all([
    testActor("editor", HOST),
    testActor("editor", HOST),
    testActor("editor", VISITOR),
    testActor("member", VISITOR),
    testActor("curator"),
  ]);
  practiceId = await publishPractice(practiceContent({ title: "Mal Pelayanan Publik Digital" }), { editor: hostEditor, curator });
});

function inDays(days: number) {
  const date = new Date(`${jakartaToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function request(formToken: string | null = null, start = inDays(day++)) {
  const result = await requestVisit({ hostRegionCode: HOST, practiceIds: [practiceId], purpose: "Belajar MPP", participants: 5, startDate: start, endDate: start, contact: "Ani", actor: requester, ip, formToken });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

async function step(visitId: number, actor: Actor, decision: VisitDecision) {
  expect(await decideOnVisit({ visitId, decision, actor, ip, formToken: null, today: jakartaToday() })).toEqual({ ok: true, id: visitId });
}

/** Per recipient, how many notifications of `kind` about the visit, and how many emails. */
async function delivered(kind: string, visitId: number) {
  const rows = await db()
    .select({ id: notifications.id, userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.subjectType, "visit"), eq(notifications.subjectId, String(visitId))));
  const emails = rows.length === 0 ? [] : await db().select({ notificationId: notificationEmails.notificationId }).from(notificationEmails).where(inArray(notificationEmails.notificationId, rows.map((row) => row.id)));
  const count = (ids: number[]) => ids.reduce<Record<number, number>>((all, id) => ({ ...all, [id]: (all[id] ?? 0) + 1 }), {});
  const userOf = new Map(rows.map((row) => [row.id, row.userId]));
  return { inbox: count(rows.map((row) => row.userId)), emails: count(emails.map((email) => userOf.get(email.notificationId!)!)) };
}

const once = (...actors: Actor[]) => Object.fromEntries(actors.map((actor) => [actor.id, 1]));

it("a request reaches each of the host's editors once, a replayed one no one again", async () => {
  const [token, start] = ["b".repeat(32), inDays(day++)];
  const id = await request(token, start);
  expect(await request(token, start)).toBe(id);
  expect(await delivered("visitRequested", id)).toEqual({ inbox: once(hostEditor, otherHostEditor), emails: once(hostEditor, otherHostEditor) });
});

it("proposed dates reach the requester; agreeing to them reaches the host's editors", async () => {
  const id = await request();
  await step(id, hostEditor, { step: "proposeDates", startDate: inDays(300), endDate: inDays(301) });
  expect(await delivered("visitDatesProposed", id)).toEqual({ inbox: once(requester), emails: once(requester) });
  await step(id, requester, { step: "acceptDates" });
  expect(await delivered("visitDatesAccepted", id)).toEqual({ inbox: once(hostEditor, otherHostEditor), emails: once(hostEditor, otherHostEditor) });
});

it("acceptance and a decline reach the requester; a withdrawal the host's editors, never the actor", async () => {
  const accepted = await request();
  await step(accepted, otherHostEditor, { step: "accept", startDate: inDays(310), endDate: inDays(310) });
  expect(await delivered("visitAccepted", accepted)).toEqual({ inbox: once(requester), emails: once(requester) });
  await step(accepted, visitorEditor, { step: "withdraw" });
  expect(await delivered("visitWithdrawn", accepted)).toEqual({ inbox: once(hostEditor, otherHostEditor), emails: once(hostEditor, otherHostEditor) });

  const declined = await request();
  await step(declined, hostEditor, { step: "decline", reason: "Sedang renovasi." });
  expect(await delivered("visitDeclined", declined)).toEqual({ inbox: once(requester), emails: once(requester) });
  expect((await delivered("visitRequested", declined)).inbox[requester.id]).toBeUndefined();
});

it("a cancelled visit reaches both sides once each with the reason: the requester, the visiting region's editors and the host's other editors", async () => {
  const id = await request();
  await step(id, hostEditor, { step: "accept", startDate: inDays(320), endDate: inDays(320) });
  await step(id, otherHostEditor, { step: "cancel", reason: "Bencana banjir." });
  expect(await delivered("visitCancelled", id)).toEqual({ inbox: once(hostEditor, visitorEditor, requester), emails: once(hostEditor, visitorEditor, requester) });
  const [row] = await db().select({ payload: notifications.payload }).from(notifications).where(and(eq(notifications.kind, "visitCancelled"), eq(notifications.subjectId, String(id))));
  expect(row!.payload).toMatchObject({ note: "Bencana banjir." });
});
