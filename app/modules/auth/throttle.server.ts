import { inArray, sql } from "drizzle-orm";
import { signInThrottle } from "../../../db/schema";
import { db } from "../db.server";

/**
 * Growing delays after failed sign-ins, per account and per IP. An account tolerates a few
 * typos; an IP more, because a whole office may sit behind one address.
 */
const FREE_FAILURES = { email: 3, ip: 20 } as const;
const MAX_DELAY_SECONDS = 15 * 60;

export type ThrottleKind = keyof typeof FREE_FAILURES;

export function throttleKeys(email: string, ip: string): { kind: ThrottleKind; key: string }[] {
  return [
    { kind: "email", key: `email:${email}` },
    { kind: "ip", key: `ip:${ip}` },
  ];
}

/** Seconds to wait after `failures` consecutive failures: 0 at first, then 1, 2, 4 … up to 15 min. */
export function delayAfterFailures(kind: ThrottleKind, failures: number): number {
  const over = failures - FREE_FAILURES[kind];
  if (over <= 0) return 0;
  return Math.min(2 ** (over - 1), MAX_DELAY_SECONDS);
}

/** Seconds until another attempt is allowed for any of the keys, or 0. */
export async function secondsUntilAllowed(keys: { key: string }[]): Promise<number> {
  const rows = await db()
    .select({ blockedUntil: signInThrottle.blockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys.map((entry) => entry.key)));
  const now = Date.now();
  const waits = rows.map((row) => (row.blockedUntil ? Math.ceil((row.blockedUntil.getTime() - now) / 1000) : 0));
  return Math.max(0, ...waits);
}

export async function recordFailedSignIn(keys: { kind: ThrottleKind; key: string }[]): Promise<void> {
  for (const { kind, key } of keys) {
    // Failures more than an hour old no longer count.
    const failures = sql`case when ${signInThrottle.lastFailureAt} < now() - interval '1 hour' then 1 else ${signInThrottle.failures} + 1 end`;
    const [row] = await db()
      .insert(signInThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, lastFailureAt: sql`now()` } })
      .returning({ failures: signInThrottle.failures });
    const delay = delayAfterFailures(kind, row?.failures ?? 1);
    await db()
      .update(signInThrottle)
      .set({ blockedUntil: delay > 0 ? sql`now() + make_interval(secs => ${delay})` : null })
      .where(inArray(signInThrottle.key, [key]));
  }
}

export async function clearFailedSignIns(key: string): Promise<void> {
  await db().delete(signInThrottle).where(inArray(signInThrottle.key, [key]));
}
