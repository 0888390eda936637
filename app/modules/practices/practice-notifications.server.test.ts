/**
 * Each practice event notifies its recipients exactly once, never the actor, and emails those
 * who chose "email at once" (one email row and one send job each) and nobody else.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { notificationEmails, notifications, users } from "../../../db/schema";
import { practiceContent, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { recordAdoption } from "./adoptions.server";
import { createPractice, decideOnPractice } from "./practice-commands.server";
import { answerQuestion, askQuestion } from "./questions.server";

// Regions no other test gives editors, so their editors are exactly the ones below.
const REGION = "35.79";
const ADOPTER_REGION = "35.22";
const ip = "127.0.0.1";
let editor: Actor;
let otherEditor: Actor;
let inboxOnlyEditor: Actor;
let curator: Actor;
let asker: Actor;

beforeAll(async () => {
  [editor, otherEditor, inboxOnlyEditor, curator, asker] = await Promise.all([
    testActor("editor", REGION),
    testActor("editor", REGION),
    testActor("editor", REGION),
    testActor("curator"),
    testActor("editor", ADOPTER_REGION),
  ]);
  await db().execute(sql`
    insert into notification_preferences (user_id, kind, channel)
    select ${inboxOnlyEditor.id}, kind, 'in_app' from unnest(array['changesRequested', 'practicePublished', 'practiceArchived', 'questionAsked', 'adoptionRecorded']) kind`);
});

/** Notifications of a kind about a practice: recipient → how many, and how many emails each. */
async function delivered(kind: string, subjectId: number) {
  const rows = await db()
    .select({ userId: notifications.userId, id: notifications.id, actorId: notifications.actorId })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.subjectId, String(subjectId))));
  const emails = rows.length === 0 ? [] : await db().select().from(notificationEmails).where(inArray(notificationEmails.notificationId, rows.map((row) => row.id)));
  const jobs = await db().execute<{ emails: number }>(
    sql`select count(*)::int as emails from pgboss.job where name = 'notifications.send-email' and (data->>'emailId')::bigint = any(${`{${emails.map((email) => email.id).join(",")}}`}::bigint[])`,
  );
  const count = (list: { userId: number }[]) => list.reduce<Record<number, number>>((all, row) => ({ ...all, [row.userId]: (all[row.userId] ?? 0) + 1 }), {});
  return { inbox: count(rows), emails: count(emails), jobs: jobs[0]!.emails, actors: new Set(rows.map((row) => row.actorId)) };
}

async function activeCuratorIds() {
  const rows = await db().select({ id: users.id }).from(users).where(and(eq(users.role, "curator"), eq(users.active, true)));
  return rows.map((row) => row.id);
}

const each = (ids: number[]) => Object.fromEntries(ids.map((id) => [id, 1]));

it("a submission notifies every curator once; changes requested, published and archived notify the region's editors once, but not the actor", async () => {
  const { id } = await createPractice({ regionCode: REGION, content: practiceContent({ title: "Sapa Warga" }), submit: true, actorId: editor.id, ip });
  const curators = await activeCuratorIds();
  const submitted = await delivered("practiceSubmitted", id);
  expect(submitted.inbox).toEqual(each(curators));
  expect(submitted.emails).toEqual(each(curators));
  expect(submitted.jobs).toBe(curators.length);

  const decide = (decision: "request_changes" | "publish" | "archive", seenVersion: number) =>
    decideOnPractice({ practiceId: id, decision, comment: "Lengkapi data.", seenVersion, actor: curator, ip });
  expect((await decide("request_changes", 1)).ok).toBe(true);
  expect((await decideOnPractice({ practiceId: id, decision: "submit", comment: "", seenVersion: 1, actor: editor, ip })).ok).toBe(true);
  expect((await decide("publish", 1)).ok).toBe(true);
  expect((await decide("archive", 1)).ok).toBe(true);

  for (const kind of ["changesRequested", "practicePublished", "practiceArchived"]) {
    const result = await delivered(kind, id);
    expect(result.inbox, kind).toEqual(each([editor.id, otherEditor.id, inboxOnlyEditor.id]));
    expect(result.emails, kind).toEqual(each([editor.id, otherEditor.id]));
    expect(result.jobs, kind).toBe(2);
    expect(result.actors, kind).toEqual(new Set([curator.id]));
  }
  // The resubmission by the editor notified the curators again (a second event), the editor never.
  expect((await delivered("practiceSubmitted", id)).inbox).toEqual(Object.fromEntries(curators.map((curatorId) => [curatorId, 2])));
});

it("a question notifies the region's editors once (a replayed form adds nothing), an answer the asker once, not the answering editor", async () => {
  const { id } = await createPractice({ regionCode: REGION, content: practiceContent({ title: "Lapor Cepat" }), submit: true, actorId: editor.id, ip });
  expect((await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip })).ok).toBe(true);

  const ask = { practiceId: id, body: "Berapa biaya lisensinya?", actor: asker, ip, formToken: "form-token-question-1" };
  expect(await askQuestion(ask)).toEqual({ ok: true });
  expect(await askQuestion(ask)).toEqual({ ok: true });
  const asked = await delivered("questionAsked", id);
  expect(asked.inbox).toEqual(each([editor.id, otherEditor.id, inboxOnlyEditor.id]));
  expect(asked.emails).toEqual(each([editor.id, otherEditor.id]));

  const [question] = await db().execute<{ id: number }>(sql`select id from practice_posts where practice_id = ${id} and question_id is null`);
  expect(await answerQuestion({ practiceId: id, questionId: question!.id, body: "Gratis.", actor: editor, formToken: "form-token-answer-1" })).toEqual({ ok: true });
  const answered = await delivered("answerPosted", id);
  expect(answered.inbox).toEqual(each([asker.id]));
  expect(answered.emails).toEqual(each([asker.id]));
  expect(answered.actors).toEqual(new Set([editor.id]));
});

it("an adoption notifies the source region's editors once, and not again when only its note changes", async () => {
  const { id: sourceId } = await createPractice({ regionCode: REGION, content: practiceContent({ title: "E-Office" }), submit: true, actorId: editor.id, ip });
  expect((await decideOnPractice({ practiceId: sourceId, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip })).ok).toBe(true);
  const { id: adopterId } = await createPractice({ regionCode: ADOPTER_REGION, content: practiceContent({ title: "E-Office Bojonegoro" }), submit: false, actorId: asker.id, ip });

  const adoption = { adopterPracticeId: adopterId, sourcePracticeId: sourceId, sourceRegionCode: REGION, actorId: asker.id, ip };
  expect(await recordAdoption({ ...adoption, note: "Dari studi tiru.", formToken: "adoption-1" })).toEqual({ ok: true });
  expect(await recordAdoption({ ...adoption, note: "Dari studi tiru 2025.", formToken: "adoption-2" })).toEqual({ ok: true });
  const adopted = await delivered("adoptionRecorded", adopterId);
  expect(adopted.inbox).toEqual(each([editor.id, otherEditor.id, inboxOnlyEditor.id]));
  expect(adopted.emails).toEqual(each([editor.id, otherEditor.id]));
  expect(adopted.jobs).toBe(2);
});

it("an event that fails notifies nobody", async () => {
  const { id } = await createPractice({ regionCode: REGION, content: practiceContent({ title: "Konflik" }), submit: true, actorId: editor.id, ip });
  // A stale version: the decision is refused and its transaction writes nothing.
  expect((await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 99, actor: curator, ip })).ok).toBe(false);
  expect((await delivered("practicePublished", id)).inbox).toEqual({});
});
