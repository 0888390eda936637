import { type AppLoadContext, data } from "@remix-run/node";
import { lt, sql } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimitCounters } from "../../../db/schema";
import { db } from "../db.server";
import { serverEnv } from "../env.server";
import { translatorForRequest } from "../i18n/locale.server";
import type { JobHandler } from "../jobs/index.server";
import { minutesToWait } from "./retry-after";

interface Window {
  points: number;
  seconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Every limit of the site, per account and per IP address (an office shares one address, so
 * its allowance is larger). Sign-in and the current-password check count attempts; the
 * others count writes, generously for real work and tightly enough that no account or script
 * can flood a page or a disk.
 */
export const LIMITS = {
  signIn: { account: { points: 5, seconds: 15 * MINUTE }, ip: { points: 30, seconds: 15 * MINUTE } },
  passwordCheck: { account: { points: 5, seconds: 15 * MINUTE }, ip: { points: 30, seconds: 15 * MINUTE } },
  question: { account: { points: 20, seconds: HOUR }, ip: { points: 100, seconds: HOUR } },
  answer: { account: { points: 60, seconds: HOUR }, ip: { points: 300, seconds: HOUR } },
  upload: { account: { points: 60, seconds: HOUR }, ip: { points: 300, seconds: HOUR } },
  import: { account: { points: 60, seconds: HOUR }, ip: { points: 120, seconds: HOUR } },
  invitation: { account: { points: 100, seconds: HOUR }, ip: { points: 200, seconds: HOUR } },
  adoption: { account: { points: 30, seconds: HOUR }, ip: { points: 150, seconds: HOUR } },
  /** Adding or changing a shared application, requesting one, deciding on a request. */
  application: { account: { points: 60, seconds: HOUR }, ip: { points: 300, seconds: HOUR } },
  profileEdit: { account: { points: 30, seconds: HOUR }, ip: { points: 150, seconds: HOUR } },
  practiceEdit: { account: { points: 120, seconds: HOUR }, ip: { points: 600, seconds: HOUR } },
  assessment: { account: { points: 60, seconds: HOUR }, ip: { points: 300, seconds: HOUR } },
  figureNote: { account: { points: 20, seconds: HOUR }, ip: { points: 100, seconds: HOUR } },
  peerGroup: { account: { points: 120, seconds: HOUR }, ip: { points: 600, seconds: HOUR } },
  curation: { account: { points: 300, seconds: HOUR }, ip: { points: 600, seconds: HOUR } },
  // Messages through IDSL may come from visitors: counted per sender (account or email address) and IP.
  contactMessage: { account: { points: 10, seconds: HOUR }, ip: { points: 30, seconds: HOUR } },
  // Study visit requests and each step on them (accept, propose dates, decline, withdraw, lessons).
  visit: { account: { points: 30, seconds: HOUR }, ip: { points: 150, seconds: HOUR } },
} as const satisfies Record<string, { account: Window; ip: Window }>;

export type LimitedAction = keyof typeof LIMITS;
type Scope = "account" | "ip";

/** Who is acting: the account (an id, or an email address for sign-in) and the client's IP. */
export interface Requester {
  account: number | string;
  ip: string;
}

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

// One limiter per limit and scope for each database pool (tests open more than one).
const limiters = new WeakMap<object, Map<string, RateLimiterDrizzle>>();

function limiterFor(action: LimitedAction, scope: Scope): RateLimiterDrizzle {
  const database = db();
  const forDatabase = limiters.get(database) ?? new Map<string, RateLimiterDrizzle>();
  limiters.set(database, forDatabase);
  const name = `${action}:${scope}`;
  let limiter = forDatabase.get(name);
  if (!limiter) {
    const window = LIMITS[action][scope];
    // Expired rows are deleted by a scheduled job, once for all limiters, instead of by a timer per limiter.
    limiter = new RateLimiterDrizzle({ storeClient: database, schema: rateLimitCounters, keyPrefix: name, points: window.points, duration: window.seconds, clearExpiredByTimeout: false });
    forDatabase.set(name, limiter);
  }
  return limiter;
}

/**
 * Deletes counters whose window ended over an hour ago, for all limiters at once (their own
 * timers are off, see above). Hourly, in the job worker.
 */
export const deleteExpiredCountersJob: JobHandler = {
  name: "limits.delete-expired-counters",
  schedule: "17 * * * *",
  async run() {
    await db()
      .delete(rateLimitCounters)
      .where(lt(rateLimitCounters.expire, sql`now() - interval '1 hour'`));
  },
};

const secondsOf = (refusal: RateLimiterRes) => Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));

/**
 * Takes one use of `action` from the account's allowance and then, if granted, from the IP's,
 * each in one atomic statement, so concurrent requests count. Taken one after the other so that
 * of simultaneous attempts exactly the allowance gets through: taken side by side, an attempt
 * could hold an account point it later gives back while others were already refused for it.
 * A use the IP refuses gives the account its point back.
 */
export async function reserve(action: LimitedAction, requester: Requester): Promise<Reservation> {
  const account = String(requester.account);
  const accountRefusal = await refusalOf(limiterFor(action, "account").consume(account));
  if (accountRefusal) return accountRefusal;
  const ipRefusal = await refusalOf(limiterFor(action, "ip").consume(requester.ip));
  if (!ipRefusal) return { ok: true };
  await limiterFor(action, "account").reward(account);
  return ipRefusal;
}

/** A limiter's refusal as a reservation; a store failure is thrown. */
async function refusalOf(consumption: Promise<RateLimiterRes>): Promise<Extract<Reservation, { ok: false }> | null> {
  try {
    await consumption;
    return null;
  } catch (reason) {
    if (reason instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: secondsOf(reason) };
    throw reason;
  }
}

/**
 * Reads one client address may make a minute, where anonymous visitors read in bulk: the
 * read-only API (/api/v1, which has no accounts) and search (/cari, also its data requests).
 * Signed-in accounts are not limited on search: they are officials invited by name, whose
 * sessions can be revoked, and whose writes stay limited per account; so a scraper behind an
 * office's address cannot lock its officials out.
 */
const READS_PER_MINUTE = {
  api: () => serverEnv().API_REQUESTS_PER_MINUTE,
  search: () => serverEnv().SEARCH_REQUESTS_PER_MINUTE,
} as const;

export type LimitedRead = keyof typeof READS_PER_MINUTE;

const readLimiters = new WeakMap<object, Map<LimitedRead, RateLimiterDrizzle>>();

/** Takes one `read` from a client address's allowance, in one atomic statement like reserve. */
export async function reserveRead(read: LimitedRead, ip: string): Promise<Reservation> {
  const database = db();
  const forDatabase = readLimiters.get(database) ?? new Map<LimitedRead, RateLimiterDrizzle>();
  readLimiters.set(database, forDatabase);
  let limiter = forDatabase.get(read);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({ storeClient: database, schema: rateLimitCounters, keyPrefix: `${read}:ip`, points: READS_PER_MINUTE[read](), duration: MINUTE, clearExpiredByTimeout: false });
    forDatabase.set(read, limiter);
  }
  return (await refusalOf(limiter.consume(ip))) ?? { ok: true };
}

/**
 * After a successful password attempt: the account's failures are forgotten, and the IP gets
 * its point back (an office signing in all morning is not an attack).
 */
export async function forgetPasswordAttempt(action: "signIn" | "passwordCheck", requester: Requester): Promise<void> {
  await Promise.all([limiterFor(action, "account").delete(String(requester.account)), limiterFor(action, "ip").reward(requester.ip)]);
}

/**
 * Says when a refused request may be sent again: entry.server.tsx sends it as Retry-After on
 * the page or data response, whichever route answered 429.
 */
export function sayRetryAfter(context: AppLoadContext, seconds: number): void {
  context.retryAfterSeconds = seconds;
}

/**
 * Answers 429 with Retry-After and the localized "too many" page (see ErrorPage), which says
 * `words` instead of its own (about submissions) when given.
 */
function refuse(context: AppLoadContext, retryAfterSeconds: number, words?: { title: string; body: string }): never {
  sayRetryAfter(context, retryAfterSeconds);
  throw data({ retryAfterSeconds, ...words }, { status: 429 });
}

/** Reserves a page's read for a visitor who is not signed in (see READS_PER_MINUTE), or refuses it like requireWithinLimit. */
export async function requireReadWithinLimit(request: Request, context: AppLoadContext, read: LimitedRead, signedIn: boolean): Promise<void> {
  if (signedIn) return;
  const reservation = await reserveRead(read, context.clientIp);
  if (reservation.ok) return;
  const { t } = await translatorForRequest(request);
  refuse(context, reservation.retryAfterSeconds, { title: t("readLimit.title"), body: t("readLimit.body", { count: minutesToWait(reservation.retryAfterSeconds) }) });
}

/**
 * Reserves a write for the account (a user's id, or what identifies a visitor) and its IP, or
 * answers 429 with Retry-After and the localized "too many" page (see ErrorPage).
 */
export async function requireWithinLimit(context: AppLoadContext, action: LimitedAction, account: Requester["account"]): Promise<void> {
  const reservation = await reserve(action, { account, ip: context.clientIp });
  if (!reservation.ok) refuse(context, reservation.retryAfterSeconds);
}
