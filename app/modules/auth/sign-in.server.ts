import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { db } from "../db.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { createSession } from "./sessions.server";
import { clearFailedSignIns, recordFailedSignIn, secondsUntilAllowed, throttleKeys } from "./throttle.server";

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
 */
export async function signIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.ip);
  const wait = await secondsUntilAllowed(keys);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await db().query.users.findFirst({ where: eq(users.email, email) });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.active || !user.passwordHash || !passwordMatches) {
    await recordFailedSignIn(keys);
    await recordAudit({ actorId: user?.id ?? null, action: "auth.sign_in_failed", after: { email }, ip: input.ip });
    return { ok: false, reason: "invalid" };
  }

  await clearFailedSignIns(keys[0]!.key);
  const session = await createSession(user.id);
  await recordAudit({ actorId: user.id, action: "auth.sign_in", targetType: "user", targetId: user.id, ip: input.ip });
  return { ok: true, userId: user.id, cookie: session.cookie };
}
