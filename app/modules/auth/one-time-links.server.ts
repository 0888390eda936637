import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { oneTimeLinks, users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db, type DatabaseOrTransaction } from "../db.server";
import type { JobHandler } from "../jobs/index.server";
import { hashPassword } from "./password.server";
import { createSession, invalidateUserSessions } from "./sessions.server";
import { generateRandomToken, hashToken } from "./tokens.server";

type Purpose = (typeof oneTimeLinks.$inferInsert)["purpose"];

const LIFETIME_MS: Record<Purpose, number> = {
  set_password: 3 * 24 * 60 * 60 * 1000,
  sign_in: 7 * 24 * 60 * 60 * 1000,
};

export const linkPaths: Record<Purpose, string> = { set_password: "/atur-sandi", sign_in: "/masuk/tautan" };

/** Creates a single-use link and returns its path (the token exists only in this path). */
export async function createOneTimeLink(input: {
  userId: number;
  purpose: Purpose;
  createdById: number | null;
}): Promise<string> {
  const token = generateRandomToken();
  await db()
    .insert(oneTimeLinks)
    .values({
      tokenHash: hashToken(token),
      purpose: input.purpose,
      userId: input.userId,
      createdById: input.createdById,
      expiresAt: new Date(Date.now() + LIFETIME_MS[input.purpose]),
    });
  return `${linkPaths[input.purpose]}/${token}`;
}

/**
 * Deletes links that expired over 30 days ago, used or not; until then, opening one still
 * says "expired" (or "used") rather than "unknown". Daily, in the job worker.
 */
export const deleteExpiredLinksJob: JobHandler = {
  name: "auth.delete-expired-links",
  schedule: "23 3 * * *",
  async run() {
    await db()
      .delete(oneTimeLinks)
      .where(lt(oneTimeLinks.expiresAt, sql`now() - interval '30 days'`));
  },
};

export type LinkStatus =
  | { status: "valid"; linkId: number; user: { id: number; name: string; email: string } }
  | { status: "expired" | "used" | "unknown" };

export async function inspectOneTimeLink(token: string, purpose: Purpose): Promise<LinkStatus> {
  if (token.length > 100) return { status: "unknown" };
  const [row] = await db()
    .select({
      id: oneTimeLinks.id,
      expiresAt: oneTimeLinks.expiresAt,
      usedAt: oneTimeLinks.usedAt,
      user: { id: users.id, name: users.name, email: users.email, active: users.active },
    })
    .from(oneTimeLinks)
    .innerJoin(users, eq(users.id, oneTimeLinks.userId))
    .where(and(eq(oneTimeLinks.tokenHash, hashToken(token)), eq(oneTimeLinks.purpose, purpose)));
  if (!row || !row.user.active) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt.getTime() <= Date.now()) return { status: "expired" };
  return { status: "valid", linkId: row.id, user: row.user };
}

/** Marks the link used; false when another request used it first. */
async function claimLink(linkId: number, executor: DatabaseOrTransaction = db()): Promise<boolean> {
  const claimed = await executor
    .update(oneTimeLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(oneTimeLinks.id, linkId), isNull(oneTimeLinks.usedAt)))
    .returning({ id: oneTimeLinks.id });
  return claimed.length === 1;
}

/**
 * Sets the user's password through a set-password link, ends their other sessions and signs
 * them in. Using the link and changing the password commit together: never one without the other.
 */
export async function setPasswordWithLink(token: string, password: string, ip: string) {
  const link = await inspectOneTimeLink(token, "set_password");
  if (link.status !== "valid") return null;
  const passwordHash = await hashPassword(password);
  const userId = link.user.id;
  const changed = await db().transaction(async (tx) => {
    if (!(await claimLink(link.linkId, tx))) return false;
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await invalidateUserSessions(userId, undefined, tx);
    await recordAudit({ actorId: userId, action: "auth.password_set_with_link", targetType: "user", targetId: userId, ip }, tx);
    return true;
  });
  return changed ? createSession(userId) : null;
}

/** Signs in through a demo sign-in link. */
export async function signInWithLink(token: string, ip: string) {
  const link = await inspectOneTimeLink(token, "sign_in");
  if (link.status !== "valid" || !(await claimLink(link.linkId))) return null;
  await recordAudit({ actorId: link.user.id, action: "auth.sign_in_with_link", targetType: "user", targetId: link.user.id, ip });
  return createSession(link.user.id);
}
