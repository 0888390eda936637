import { createCookie } from "@remix-run/node";
import { and, eq, gt, ne } from "drizzle-orm";
import { sessions, users } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";
import type { Role } from "./roles";
import { generateRandomToken, hashToken, tokenMatchesHash } from "./tokens.server";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used within its last 15 days is extended to a fresh 30 (sliding expiry). */
const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;

const production = process.env.NODE_ENV === "production";

/**
 * The token travels as-is ("id.secret"); it is not signed because the database is the
 * authority and stores only the secret's SHA-256.
 */
const sessionCookie = createCookie("idsl_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: production,
  maxAge: SESSION_LIFETIME_MS / 1000,
});

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  regionCode: string | null;
}

export interface ValidatedSession {
  sessionId: string;
  user: SessionUser;
  /** Set when the expiry moved: the cookie must be sent again. */
  renewedCookie: string | null;
}

/** Creates a session and returns the Set-Cookie header value carrying its token. */
export async function createSession(userId: number): Promise<{ sessionId: string; cookie: string }> {
  const sessionId = generateRandomToken();
  const secret = generateRandomToken();
  await db()
    .insert(sessions)
    .values({ id: sessionId, secretHash: hashToken(secret), userId, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) });
  return { sessionId, cookie: await sessionCookie.serialize(`${sessionId}.${secret}`) };
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length <= 100 ? value : null;
}

/**
 * The session and its active user for a token, or null when the token is malformed, unknown,
 * tampered with, expired, or belongs to a deactivated user.
 */
export async function validateSessionToken(token: string): Promise<ValidatedSession | null> {
  const [sessionId, secret, ...rest] = token.split(".");
  if (!sessionId || !secret || rest.length > 0) return null;
  const [row] = await db()
    .select({
      secretHash: sessions.secretHash,
      expiresAt: sessions.expiresAt,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, regionCode: users.regionCode },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(users.active, true), gt(sessions.expiresAt, new Date())));
  if (!row || !tokenMatchesHash(secret, row.secretHash)) return null;

  let renewedCookie: string | null = null;
  if (row.expiresAt.getTime() - Date.now() < SESSION_LIFETIME_MS - SESSION_RENEW_BEFORE_MS) {
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) })
      .where(eq(sessions.id, sessionId));
    renewedCookie = await sessionCookie.serialize(token);
  }
  return { sessionId, user: row.user, renewedCookie };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `keepSessionId`. Returns how many ended. */
export async function invalidateUserSessions(
  userId: number,
  keepSessionId?: string,
  executor: DatabaseOrTransaction = db(),
): Promise<number> {
  const ended = await executor
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

export function clearSessionCookie(): Promise<string> {
  return sessionCookie.serialize("", { maxAge: 0 });
}
