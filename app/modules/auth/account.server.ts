import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db } from "../db.server";
import { forgetPasswordAttempt, reserve } from "../limits/index.server";
import { hashPassword, verifyPassword } from "./password.server";
import { invalidateUserSessions } from "./sessions.server";

export type PasswordChange = { ok: true } | { ok: false; reason: "wrongCurrentPassword" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Changes the signed-in user's password after checking the current one; other sessions end.
 * The check is throttled like sign-in: a stolen session must not become a password oracle.
 */
export async function changePassword(input: {
  userId: number;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  ip: string;
}): Promise<PasswordChange> {
  const requester = { account: input.userId, ip: input.ip };
  const reservation = await reserve("passwordCheck", requester);
  if (!reservation.ok) return { ok: false, reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };
  const user = await db().query.users.findFirst({ where: eq(users.id, input.userId), columns: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false, reason: "wrongCurrentPassword" };
  await forgetPasswordAttempt("passwordCheck", requester);
  const passwordHash = await hashPassword(input.newPassword);
  await db().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, input.userId));
    await invalidateUserSessions(input.userId, input.sessionId, tx);
    await recordAudit(
      { actorId: input.userId, action: "auth.password_changed", targetType: "user", targetId: input.userId, ip: input.ip },
      tx,
    );
  });
  return { ok: true };
}

export async function signOutOtherSessions(input: { userId: number; sessionId: string; ip: string }): Promise<number> {
  const ended = await invalidateUserSessions(input.userId, input.sessionId);
  await recordAudit({
    actorId: input.userId,
    action: "auth.signed_out_others",
    targetType: "user",
    targetId: input.userId,
    after: { sessionsEnded: ended },
    ip: input.ip,
  });
  return ended;
}
