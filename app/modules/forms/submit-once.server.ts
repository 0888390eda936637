import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq, lt, sql } from "drizzle-orm";
import { formSubmissions } from "../../../db/schema";
import { db, type DatabaseOrTransaction } from "../db.server";

/** A fresh form token (see form-token.ts): 160 random bits, base32. */
export function newFormToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What one submission creates: who, what kind of thing where (`scope`), its form's token and what it sent. */
export interface Submission {
  userId: number;
  /** What is created where, e.g. `question:12`: one page's token may serve several forms. */
  scope: string;
  token: string | null;
  /**
   * What was sent, so a page kept from before (the back button, a second tab) that sends
   * something else with its old token creates it rather than being taken for a replay.
   */
  sent: unknown;
}

/** The key a submission is remembered by. */
export function submissionKey(submission: Submission & { token: string }): string {
  const { userId, scope, token, sent } = submission;
  return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify([userId, scope, token, sent]))));
}

/** A result as stored in jsonb and returned to a replay. */
export type StoredResult = string | number | boolean | null | StoredResult[] | { [key: string]: StoredResult | undefined };

/**
 * Runs `create` in the caller's transaction unless the same submission already ran: then its
 * stored result is returned and nothing is created again. A concurrent replay waits on the
 * claimed key until the first commits (then gets its result) or rolls back (then runs itself).
 * Without a token (a client that sends none) `create` simply runs.
 */
export async function once<T extends StoredResult>(tx: DatabaseOrTransaction, submission: Submission, create: () => Promise<T>): Promise<T> {
  if (submission.token === null) return create();
  const key = submissionKey({ ...submission, token: submission.token });
  const claimed = await tx.insert(formSubmissions).values({ key, userId: submission.userId }).onConflictDoNothing().returning({ key: formSubmissions.key });
  if (claimed.length === 0) {
    const [earlier] = await tx.select({ result: formSubmissions.result }).from(formSubmissions).where(eq(formSubmissions.key, key));
    return earlier!.result as T;
  }
  const result = await create();
  await tx.update(formSubmissions).set({ result }).where(eq(formSubmissions.key, key));
  return result;
}

/**
 * How long a submission is remembered: a replay comes seconds or minutes after the first (a
 * double click, a resent POST, a tab restored the next day); a page kept open longer than this
 * and sent again with the very same content counts as a new submission.
 */
export const FORM_SUBMISSION_RETENTION_DAYS = 30;

/** Forgets submissions past their useful life (run daily by the job worker); returns how many. */
export async function deleteOldFormSubmissions(): Promise<number> {
  const deleted = await db()
    .delete(formSubmissions)
    .where(lt(formSubmissions.createdAt, sql`now() - make_interval(days => ${FORM_SUBMISSION_RETENTION_DAYS})`))
    .returning({ key: formSubmissions.key });
  return deleted.length;
}
