import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { practicePosts, users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { can, type Actor } from "../auth";
import { db, type DatabaseOrTransaction } from "../db.server";
import { once } from "../forms/submit-once.server";
import { ANSWERS_PER_PAGE, ANSWERS_SHOWN, EXCERPT_LENGTH, QUESTIONS_PER_PAGE, type QuestionsView } from "./questions";
import { notifyAnswerPosted, notifyQuestionAsked } from "./practice-notifications.server";
import { getPracticeHeader } from "./practice-queries.server";
import { isPublic } from "./workflow";

export const MAX_POST_LENGTH = 5000;

export type PostResult = { ok: true } | { ok: false; reason: "not_found" | "forbidden" };

/**
 * Posts once per submission: a replay of the same form (same token, same text) adds nothing and
 * notifies nobody again. `announce` notifies of the new post in its transaction.
 */
async function post(
  values: { practiceId: number; questionId?: number; body: string },
  actor: Actor,
  formToken: string | null,
  announce: (tx: DatabaseOrTransaction, postId: number) => Promise<void>,
): Promise<PostResult> {
  const scope = values.questionId === undefined ? `question:${values.practiceId}` : `answer:${values.questionId}`;
  return db().transaction((tx) =>
    once(tx, { userId: actor.id, scope, token: formToken, sent: values.body }, async () => {
      const [row] = await tx.insert(practicePosts).values({ ...values, authorId: actor.id }).returning({ id: practicePosts.id });
      await announce(tx, row!.id);
      return { ok: true } as const;
    }),
  );
}

/** A signed-in peer asks on a public practice. */
export async function askQuestion(input: { practiceId: number; body: string; actor: Actor; ip: string; formToken?: string | null }): Promise<PostResult> {
  const practice = await getPracticeHeader(input.practiceId);
  if (!practice || !isPublic(practice)) return { ok: false, reason: "not_found" };
  if (!can(input.actor, { action: "practice.ask" })) return { ok: false, reason: "forbidden" };
  return post({ practiceId: practice.id, body: input.body }, input.actor, input.formToken ?? null, (tx, questionId) =>
    notifyQuestionAsked(tx, { practiceId: practice.id, questionId, actorId: input.actor.id }),
  );
}

/** The owning region's editors answer a visible question. */
export async function answerQuestion(input: { practiceId: number; questionId: number; body: string; actor: Actor; formToken?: string | null }): Promise<PostResult> {
  const practice = await getPracticeHeader(input.practiceId);
  if (!practice || !isPublic(practice)) return { ok: false, reason: "not_found" };
  if (!can(input.actor, { action: "practice.answer", regionCode: practice.regionCode })) return { ok: false, reason: "forbidden" };
  const question = await db().query.practicePosts.findFirst({
    where: and(eq(practicePosts.id, input.questionId), eq(practicePosts.practiceId, practice.id), isNull(practicePosts.questionId), isNull(practicePosts.hiddenAt)),
    columns: { id: true, authorId: true },
  });
  if (!question) return { ok: false, reason: "not_found" };
  return post({ practiceId: practice.id, questionId: question.id, body: input.body }, input.actor, input.formToken ?? null, (tx) =>
    notifyAnswerPosted(tx, { practiceId: practice.id, questionId: question.id, askerId: question.authorId, actorId: input.actor.id }),
  );
}

/** Curators hide abusive posts (and can show them again); both are audited. */
export async function setPostHidden(input: { practiceId: number; postId: number; hidden: boolean; actor: Actor; ip: string }): Promise<PostResult> {
  if (!can(input.actor, { action: "practice.moderate" })) return { ok: false, reason: "forbidden" };
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(practicePosts)
      .set(input.hidden ? { hiddenAt: new Date(), hiddenById: input.actor.id } : { hiddenAt: null, hiddenById: null })
      .where(and(eq(practicePosts.id, input.postId), eq(practicePosts.practiceId, input.practiceId)))
      .returning({ id: practicePosts.id, body: practicePosts.body });
    if (updated.length === 0) return { ok: false, reason: "not_found" } as const;
    await recordAudit(
      {
        actorId: input.actor.id,
        action: input.hidden ? "practice.post_hidden" : "practice.post_shown",
        targetType: "practice_post",
        targetId: input.postId,
        after: { practiceId: input.practiceId, body: updated[0]!.body.slice(0, 500) },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true } as const;
  });
}

const postColumns = {
  id: practicePosts.id,
  questionId: practicePosts.questionId,
  createdAt: practicePosts.createdAt,
  hidden: practicePosts.hiddenAt,
  authorName: users.name,
};

type PostRow = { id: number; questionId: number | null; createdAt: Date; hidden: Date | null; authorName: string; body: string };

/** A hidden post keeps its place, but only moderators get its text and author. */
function presentPost(row: PostRow, moderator: boolean, excerpt: boolean) {
  const visible = row.hidden === null || moderator;
  const truncated = excerpt && row.body.length > EXCERPT_LENGTH;
  return {
    id: row.id,
    createdAt: row.createdAt,
    hidden: row.hidden !== null,
    body: visible ? (truncated ? `${row.body.slice(0, EXCERPT_LENGTH).trimEnd()}…` : row.body) : null,
    truncated: visible && truncated,
    authorName: visible ? row.authorName : null,
  };
}

export type PracticePost = ReturnType<typeof presentPost>;

/**
 * One page of a practice's questions, newest first, each with its first answers (excerpts of
 * long posts); or, for `questionId`, that question in full with a page of its answers. Pages are
 * bounded however many posts a practice gathers.
 */
export async function listQuestionPage(practiceId: number, viewer: Actor | null, view: QuestionsView) {
  const moderator = can(viewer, { action: "practice.moderate" });
  const ofPractice = and(eq(practicePosts.practiceId, practiceId), isNull(practicePosts.questionId));
  const bodyUpTo = (length: number) => sql<string>`left(${practicePosts.body}, ${length})`;
  const excerpt = view.questionId === null;

  const questionRows = await db()
    .select({ ...postColumns, body: bodyUpTo(excerpt ? EXCERPT_LENGTH + 1 : MAX_POST_LENGTH) })
    .from(practicePosts)
    .innerJoin(users, eq(users.id, practicePosts.authorId))
    .where(excerpt ? ofPractice : and(ofPractice, eq(practicePosts.id, view.questionId)))
    .orderBy(desc(practicePosts.id))
    .limit(QUESTIONS_PER_PAGE)
    .offset(excerpt ? (view.page - 1) * QUESTIONS_PER_PAGE : 0);
  const [{ total } = { total: 0 }] = await db().select({ total: count() }).from(practicePosts).where(ofPractice);
  const ids = questionRows.map((row) => row.id);

  // Each question's answers in order, of which this page shows a slice, and how many there are.
  const perPage = excerpt ? ANSWERS_SHOWN : ANSWERS_PER_PAGE;
  const skip = excerpt ? 0 : (view.page - 1) * ANSWERS_PER_PAGE;
  const ofQuestions = inArray(practicePosts.questionId, ids.length > 0 ? ids : [0]);
  const numbered = db()
    .select({
      ...postColumns,
      body: bodyUpTo(excerpt ? EXCERPT_LENGTH + 1 : MAX_POST_LENGTH).as("body"),
      position: sql<number>`row_number() over (partition by ${practicePosts.questionId} order by ${practicePosts.id})`.as("position"),
    })
    .from(practicePosts)
    .innerJoin(users, eq(users.id, practicePosts.authorId))
    .where(ofQuestions)
    .as("numbered");
  const [answerRows, countRows] = await Promise.all([
    db()
      .select()
      .from(numbered)
      .where(sql`${numbered.position} > ${skip} and ${numbered.position} <= ${skip + perPage}`)
      .orderBy(numbered.id),
    db().select({ questionId: practicePosts.questionId, answers: count() }).from(practicePosts).where(ofQuestions).groupBy(practicePosts.questionId),
  ]);
  const counts = new Map(countRows.map((row) => [row.questionId, row.answers]));

  return {
    total,
    questions: questionRows.map((question) => ({
      ...presentPost(question, moderator, excerpt),
      answerCount: counts.get(question.id) ?? 0,
      answers: answerRows.filter((answer) => answer.questionId === question.id).map((answer) => presentPost(answer, moderator, excerpt)),
    })),
  };
}

export type QuestionPage = Awaited<ReturnType<typeof listQuestionPage>>;
