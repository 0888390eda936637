import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db } from "../db.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { createSession } from "./sessions.server";
import { forgetPasswordAttempt, reserve } from "../limits/index.server";

export type SignInResult =
  | { ok: true; userId: number; cookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks email and password. Unknown email, wrong password and deactivated account all give
 * the same answer after the same amount of work, so the form cannot be used to find accounts.
 * Each attempt is reserved against the account's and the IP's allowance before the password is
 * hashed, so concurrent guesses count like sequential ones.
 */
export async function signIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const requester = { account: `email:${email}`, ip: input.ip };
  const reservation = await reserve("signIn", requester);
  if (!reservation.ok) return { ok: false, reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };

  const user = await db().query.users.findFirst({ where: eq(users.email, email) });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.active || !user.passwordHash || !passwordMatches) {
    await recordAudit({ actorId: user?.id ?? null, action: "auth.sign_in_failed", after: { email }, ip: input.ip });
    return { ok: false, reason: "invalid" };
  }

  await forgetPasswordAttempt("signIn", requester);
  const session = await createSession(user.id);
  await recordAudit({ actorId: user.id, action: "auth.sign_in", targetType: "user", targetId: user.id, ip: input.ip });
  return { ok: true, userId: user.id, cookie: session.cookie };
}
