import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, figureNotes, practicePosts, rateLimitCounters } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, publishPractice } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { createPractice } from "../practices/index.server";
import { FORM_TOKEN_FIELD } from "./form-token";
import { newFormToken } from "./submit-once.server";

/**
 * A POST sent again with the same form token (a double click without JavaScript, a browser
 * resending) creates nothing twice: the replay is answered like the first, without a 500.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let sumedangEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let bloraEditor: Awaited<ReturnType<typeof createSignedInUser>>;
let member: Awaited<ReturnType<typeof createSignedInUser>>;
let practiceId: number;

beforeAll(async () => {
  const curator = await createSignedInUser("curator");
  [sumedangEditor, bloraEditor, member] = await Promise.all([createSignedInUser("editor", "32.11"), createSignedInUser("editor", "33.16"), createSignedInUser("member", "33.16")]);
  practiceId = await publishPractice(practiceContent({ title: "Praktik untuk kiriman ganda" }), {
    editor: { id: sumedangEditor.id, role: "editor", regionCode: "32.11" },
    curator: { id: curator.id, role: "curator", regionCode: null },
  });
  app = await startTestApp();
}, 120_000);
afterAll(() => app.close());
afterEach(() => db().delete(rateLimitCounters));

const withToken = (fields: Record<string, string>, token = newFormToken()) => new URLSearchParams({ ...fields, [FORM_TOKEN_FIELD]: token });
const postTwice = async (path: string, cookie: string, form: URLSearchParams) => {
  const [first, second] = [await request(app.origin, path, { cookie, form }), await request(app.origin, path, { cookie, form })];
  return [first.status, second.status, second.headers.get("location")];
};
const questions = async (body: string) =>
  (await db().select({ n: count() }).from(practicePosts).where(and(eq(practicePosts.practiceId, practiceId), isNull(practicePosts.questionId), eq(practicePosts.body, body))))[0]!.n;

describe("a replayed form", () => {
  it("posts a question once, and the replay gets the same answer", async () => {
    const form = withToken({ intent: "ask", body: "Berapa biaya penerapannya?" });
    expect(await postTwice(`/praktik/${practiceId}`, member.cookie, form)).toEqual([302, 302, `/praktik/${practiceId}?terkirim=ask#tanya-jawab`]);
    expect(await questions("Berapa biaya penerapannya?")).toBe(1);
    // The same words asked again from a new form are a new question.
    await request(app.origin, `/praktik/${practiceId}`, { cookie: member.cookie, form: withToken({ intent: "ask", body: "Berapa biaya penerapannya?" }) });
    expect(await questions("Berapa biaya penerapannya?")).toBe(2);
    // A page kept from before sending something else with its old token is not a replay.
    form.set("body", "Berapa lama penerapannya?");
    expect((await request(app.origin, `/praktik/${practiceId}`, { cookie: member.cookie, form })).status).toBe(302);
    expect(await questions("Berapa lama penerapannya?")).toBe(1);
  });

  it("posts an answer once", async () => {
    const [question] = await db().select({ id: practicePosts.id }).from(practicePosts).where(and(eq(practicePosts.practiceId, practiceId), isNull(practicePosts.questionId))).limit(1);
    const form = withToken({ intent: "answer", questionId: String(question!.id), body: "Dari APBD." });
    expect(await postTwice(`/praktik/${practiceId}`, sumedangEditor.cookie, form)).toEqual([302, 302, `/praktik/${practiceId}?terkirim=answer#tanya-jawab`]);
    expect(await db().select().from(practicePosts).where(eq(practicePosts.questionId, question!.id))).toHaveLength(1);
  });

  it("records an adoption once", async () => {
    const { id } = await createPractice({ regionCode: "33.16", content: practiceContent({ title: "Adopsi Blora" }), submit: false, actorId: bloraEditor.id, ip: "127.0.0.1" });
    const form = withToken({ intent: "record", sourceRegionCode: "32.11", sourcePracticeId: String(practiceId), note: "Studi tiru 2024" });
    expect(await postTwice(`/praktik/${id}/adopsi`, bloraEditor.cookie, form)).toEqual([302, 302, `/praktik/${id}#adopsi-heading`]);
    const recorded = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "practice.adoption_recorded"), eq(auditLog.targetId, String(id))));
    expect(recorded[0]!.n).toBe(1);
  });

  it("adds a figure note once", async () => {
    const noteEditor = await createSignedInUser("editor", "52.02");
    const form = withToken({ intent: "tanggapan", tahun: "2023", jenis: "official", tanggapan: "Banding sedang diajukan." });
    expect(await postTwice("/daerah/52.02", noteEditor.cookie, form)).toEqual([302, 302, "/daerah/52.02?tanggapan=1#spbe-heading"]);
    const notes = await db().select().from(figureNotes).where(and(eq(figureNotes.regionCode, "52.02"), eq(figureNotes.authorId, noteEditor.id)));
    expect(notes).toHaveLength(1);
  });
});
