import { and, asc, eq, isNull } from "drizzle-orm";
import { practicePosts, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { can, type Actor } from "../auth/permissions";
import { db } from "../db.server";
import { getPracticeHeader, isPublic } from "./practices.server";

export const MAX_POST_LENGTH = 5000;

export type PostResult = { ok: true } | { ok: false; reason: "not_found" | "forbidden" };

/** A signed-in peer asks on a public practice. */
export async function askQuestion(input: { practiceId: number; body: string; actor: Actor; ip: string }): Promise<PostResult> {
  const practice = await getPracticeHeader(input.practiceId);
  if (!practice || !isPublic(practice)) return { ok: false, reason: "not_found" };
  if (!can(input.actor, { action: "practice.ask" })) return { ok: false, reason: "forbidden" };
  await db().insert(practicePosts).values({ practiceId: practice.id, authorId: input.actor.id, body: input.body });
  return { ok: true };
}

/** The owning region's editors answer a visible question. */
export async function answerQuestion(input: { practiceId: number; questionId: number; body: string; actor: Actor }): Promise<PostResult> {
  const practice = await getPracticeHeader(input.practiceId);
  if (!practice || !isPublic(practice)) return { ok: false, reason: "not_found" };
  if (!can(input.actor, { action: "practice.answer", regionCode: practice.regionCode })) return { ok: false, reason: "forbidden" };
  const question = await db().query.practicePosts.findFirst({
    where: and(eq(practicePosts.id, input.questionId), eq(practicePosts.practiceId, practice.id), isNull(practicePosts.questionId), isNull(practicePosts.hiddenAt)),
    columns: { id: true },
  });
  if (!question) return { ok: false, reason: "not_found" };
  await db().insert(practicePosts).values({ practiceId: practice.id, questionId: question.id, authorId: input.actor.id, body: input.body });
  return { ok: true };
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

/**
 * Questions with their answers, oldest first. A hidden post keeps its place but its text is
 * given only to moderators.
 */
export async function listQuestions(practiceId: number, viewer: Actor | null) {
  const moderator = can(viewer, { action: "practice.moderate" });
  const rows = await db()
    .select({
      id: practicePosts.id,
      questionId: practicePosts.questionId,
      body: practicePosts.body,
      createdAt: practicePosts.createdAt,
      hidden: practicePosts.hiddenAt,
      authorName: users.name,
      authorRegionCode: users.regionCode,
    })
    .from(practicePosts)
    .innerJoin(users, eq(users.id, practicePosts.authorId))
    .where(eq(practicePosts.practiceId, practiceId))
    .orderBy(asc(practicePosts.id));
  const posts = rows.map(({ hidden, ...row }) => ({
    ...row,
    hidden: hidden !== null,
    body: hidden === null || moderator ? row.body : null,
    authorName: hidden === null || moderator ? row.authorName : null,
  }));
  return posts
    .filter((post) => post.questionId === null)
    .map((question) => ({ ...question, answers: posts.filter((post) => post.questionId === question.id) }));
}

export type PracticeQuestion = Awaited<ReturnType<typeof listQuestions>>[number];
