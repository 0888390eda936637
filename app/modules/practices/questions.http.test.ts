import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { practicePosts, rateLimitCounters } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, publishPractice } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { LIMITS } from "../limits/index.server";
import { MAX_POST_LENGTH } from "./questions.server";

/**
 * One member posting thousands of questions (all kept) must not make a practice page grow
 * without bound: questions come a page at a time, long posts shortened, a few answers each.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let practiceId: number;
let busyQuestionId: number;
const QUESTIONS = 2000;
const PAGE_LIMIT_BYTES = 300 * 1024;

beforeAll(async () => {
  const [editor, curator, member] = await Promise.all([createSignedInUser("editor", "35.10"), createSignedInUser("curator"), createSignedInUser("member", "33.16")]);
  practiceId = await publishPractice(practiceContent({ title: "Praktik dengan banyak pertanyaan" }), {
    editor: { id: editor.id, role: "editor", regionCode: "35.10" },
    curator: { id: curator.id, role: "curator", regionCode: null },
  });
  // Every post as long as the form allows: the worst case for the page's size.
  const longText = (label: string) => `${label} `.padEnd(MAX_POST_LENGTH, "panjang ");
  const questions = await db()
    .insert(practicePosts)
    .values(Array.from({ length: QUESTIONS }, (_, index) => ({ practiceId, authorId: member.id, body: longText(`Pertanyaan ${index + 1}`) })))
    .returning({ id: practicePosts.id });
  busyQuestionId = questions.at(-1)!.id;
  await db()
    .insert(practicePosts)
    .values(Array.from({ length: 45 }, (_, index) => ({ practiceId, questionId: busyQuestionId, authorId: editor.id, body: longText(`Jawaban ${index + 1}`) })));
  app = await startTestApp();
}, 120_000);
afterAll(() => app.close());
afterEach(() => db().delete(rateLimitCounters));

const page = async (query: string) => {
  const response = await request(app.origin, `/praktik/${practiceId}${query}`);
  expect(response.status).toBe(200);
  return response.text();
};

describe("a practice with 2,000 questions", () => {
  it("shows the newest ten, shortened, with their first answers, in under 300 KB", async () => {
    const html = await page("");
    expect(html.length).toBeLessThan(PAGE_LIMIT_BYTES);
    expect(html).toContain("2.000 pertanyaan, terbaru lebih dulu");
    expect(html).toContain(`Pertanyaan ${QUESTIONS} `);
    expect(html).not.toContain(`Pertanyaan ${QUESTIONS - 10} `);
    expect(html).toContain("Baca selengkapnya");
    expect(html).toContain("Jawaban 3 ");
    expect(html).not.toContain("Jawaban 4 ");
    expect(html).toContain(`?pertanyaan=${busyQuestionId}#tanya-jawab`);
    expect(html).toContain("Lihat semua 45 jawaban");
    expect(html).toContain("?tanya=2#tanya-jawab");
  });

  it("pages through older questions", async () => {
    const html = await page("?tanya=200");
    expect(html.length).toBeLessThan(PAGE_LIMIT_BYTES);
    expect(html).toContain("Pertanyaan 1 ");
    expect(html).toContain("Halaman 200 dari 200");
    expect(await page("?tanya=999999")).not.toContain("Pertanyaan 1 ");
  });

  it("shows one question in full with its answers twenty at a time", async () => {
    const first = await page(`?pertanyaan=${busyQuestionId}`);
    expect(first.length).toBeLessThan(PAGE_LIMIT_BYTES);
    expect(first).toContain("Jawaban 20 ");
    expect(first).not.toContain("Jawaban 21 ");
    expect(first).not.toContain("Baca selengkapnya");
    const third = await page(`?pertanyaan=${busyQuestionId}&jawaban=3`);
    expect(third).toContain("Jawaban 45 ");
    expect(third).toContain("Halaman 3 dari 3");
    expect(await page("?pertanyaan=2147483648")).toContain("Pertanyaan 2000 ");
  });
});

describe("asking too often", () => {
  it("is answered 429 with Retry-After and a page that says when to try again; nothing more is stored", async () => {
    const asker = await createSignedInUser("member", "33.16");
    const ask = (body: string, path = `/praktik/${practiceId}`) => request(app.origin, path, { cookie: asker.cookie, form: { intent: "ask", body } });
    const questionsOf = async () => (await db().select({ n: count() }).from(practicePosts).where(and(eq(practicePosts.authorId, asker.id), isNull(practicePosts.questionId))))[0]!.n;
    for (let question = 0; question < LIMITS.question.account.points; question++) expect((await ask(`Pertanyaan wajar ${question}`)).status).toBe(302);
    const refused = await ask("Satu lagi");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(55 * 60);
    const html = await refused.text();
    expect(html).toContain("Terlalu banyak kiriman");
    expect(html).toContain("Coba lagi dalam 60 menit.");
    // The same through the data request a page with JavaScript makes.
    const fetched = await ask("Satu lagi", `/praktik/${practiceId}.data`);
    expect(fetched.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await questionsOf()).toBe(LIMITS.question.account.points);
  });
});
