/**
 * One-click unsubscribe links: `<user id>.<what>.<HMAC-SHA256>` signed with LINK_SIGNING_SECRET,
 * where what is a kind (its emails at once) or a digest period (that digest). The link itself is
 * the authority (a mail client posts it with no session and no Origin), so it names exactly one
 * user and one kind of email, and a changed character fails the check.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { serverEnv } from "../env.server";
import { type DigestPeriod, isNotificationKind, type NotificationKind } from "./kinds";
import { setChannel, stopDigest } from "./preferences.server";

/** What one link unsubscribes from: the emails of one kind, or one digest. */
export type UnsubscribeTarget = NotificationKind | DigestPeriod;

function isTarget(value: unknown): value is UnsubscribeTarget {
  return value === "daily" || value === "weekly" || isNotificationKind(value);
}

function signingKey(): string {
  const secret = serverEnv().LINK_SIGNING_SECRET;
  if (!secret) throw new Error("LINK_SIGNING_SECRET is not set (npm start and npm run jobs:worker generate one).");
  return secret;
}

function mac(userId: number, kind: UnsubscribeTarget): Buffer {
  return createHmac("sha256", signingKey()).update(`unsubscribe:${userId}:${kind}`).digest();
}

export function unsubscribeToken(userId: number, kind: UnsubscribeTarget): string {
  return `${userId}.${kind}.${mac(userId, kind).toString("base64url")}`;
}

/** The user and kind a token was signed for, or null for anything else (tampered, truncated, unknown kind). */
export function readUnsubscribeToken(token: string): { userId: number; kind: UnsubscribeTarget } | null {
  const [id, kind, signature, ...rest] = token.split(".");
  if (rest.length > 0 || !id || !/^\d{1,9}$/.test(id) || !isTarget(kind) || !signature) return null;
  const userId = Number(id);
  const given = Buffer.from(signature, "base64url");
  const expected = mac(userId, kind);
  if (given.length !== expected.length || given.toString("base64url") !== signature || !timingSafeEqual(given, expected)) return null;
  return { userId, kind };
}

/**
 * Stops the emails the token names (the inbox keeps the notifications). A bad token changes
 * nothing. Returns what was unsubscribed from, or null.
 */
export async function unsubscribe(token: string): Promise<UnsubscribeTarget | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  const { userId, kind } = target;
  const changed = kind === "daily" || kind === "weekly" ? await stopDigest(userId, kind) : await setChannel(userId, kind, "in_app");
  return changed ? kind : null;
}

export function unsubscribePath(userId: number, kind: UnsubscribeTarget): string {
  return `/berhenti-langganan/${unsubscribeToken(userId, kind)}`;
}
