import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { formSubmissions } from "../../../db/schema";
import { createSignedInUser } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { FORM_TOKEN_FIELD, readFormToken } from "./form-token";
import { FORM_SUBMISSION_RETENTION_DAYS, newFormToken, once, type Submission, submissionKey } from "./submit-once.server";

describe("form tokens", () => {
  it("are new each time and read back from a form", () => {
    const token = newFormToken();
    expect(token).not.toBe(newFormToken());
    const form = new FormData();
    form.set(FORM_TOKEN_FIELD, token);
    expect(readFormToken(form)).toBe(token);
  });

  it("key a submission by user, scope, token and what was sent", () => {
    const submission = { userId: 1, scope: "question:7", token: newFormToken(), sent: "Berapa biayanya?" };
    const key = submissionKey(submission);
    expect(submissionKey({ ...submission })).toBe(key);
    expect(submissionKey({ ...submission, userId: 2 })).not.toBe(key);
    expect(submissionKey({ ...submission, scope: "question:8" })).not.toBe(key);
    expect(submissionKey({ ...submission, token: newFormToken() })).not.toBe(key);
    expect(submissionKey({ ...submission, sent: "Berapa lama?" })).not.toBe(key);
  });
});

describe("once", () => {
  const run = (submission: Submission, counter: { runs: number }) =>
    db().transaction((tx) =>
      once(tx, submission, async () => {
        counter.runs += 1;
        return { ok: true, run: counter.runs };
      }),
    );

  it("creates once per submission and answers a replay with the first result", async () => {
    const user = await createSignedInUser("member", "33.16");
    const counter = { runs: 0 };
    const submission = { userId: user.id, scope: "test:1", token: newFormToken(), sent: { body: "Halo" } };
    expect(await run(submission, counter)).toEqual({ ok: true, run: 1 });
    expect(await run(submission, counter)).toEqual({ ok: true, run: 1 });
    expect(counter.runs).toBe(1);
    // Something else sent with the same token (a page kept from before) is new.
    expect(await run({ ...submission, sent: { body: "Halo lagi" } }, counter)).toEqual({ ok: true, run: 2 });
    const [row] = await db().select().from(formSubmissions).where(eq(formSubmissions.key, submissionKey(submission)));
    expect(row).toMatchObject({ userId: user.id, result: { ok: true, run: 1 } });
  });

  it("runs every time without a token", async () => {
    const user = await createSignedInUser("member", "33.16");
    const counter = { runs: 0 };
    const submission = { userId: user.id, scope: "test:2", token: null, sent: "x" };
    await run(submission, counter);
    await run(submission, counter);
    expect(counter.runs).toBe(2);
  });

  it("lets concurrent replays create once", async () => {
    const user = await createSignedInUser("member", "33.16");
    const counter = { runs: 0 };
    const submission = { userId: user.id, scope: "test:3", token: newFormToken(), sent: "x" };
    const results = await Promise.all(Array.from({ length: 5 }, () => run(submission, counter)));
    expect(counter.runs).toBe(1);
    expect(results).toEqual(Array.from({ length: 5 }, () => ({ ok: true, run: 1 })));
  });

  it("forgets a submission whose transaction failed, so sending it again creates it", async () => {
    const user = await createSignedInUser("member", "33.16");
    const submission = { userId: user.id, scope: "test:4", token: newFormToken(), sent: "x" };
    await expect(
      db().transaction((tx) =>
        once(tx, submission, async () => {
          throw new Error("lost connection");
        }),
      ),
    ).rejects.toThrow("lost connection");
    const counter = { runs: 0 };
    expect(await run(submission, counter)).toEqual({ ok: true, run: 1 });
  });
});

describe("the daily clean-up", () => {
  it("finds the day's expired submissions through an index, not by reading every row kept", async () => {
    const user = await createSignedInUser("member", "33.16");
    let plan = "";
    // Rolled back: the rows and their statistics stay out of the other tests' database.
    await db()
      .transaction(async (tx) => {
        // The steady state: 50,000 submissions over the retention period and one day more, of which the day's clean-up deletes about 1/31.
        await tx.execute(sql`insert into form_submissions (key, user_id, result, created_at)
          select md5(n::text) || md5((-n)::text), ${user.id}, '{"ok":true,"id":1}'::jsonb, now() - n * interval '1 second' * ${((FORM_SUBMISSION_RETENTION_DAYS + 1) * 86_400) / 50_000}
          from generate_series(1, 50000) n`);
        await tx.execute(sql`analyze form_submissions`);
        // deleteOldFormSubmissions's statement.
        const rows = await tx.execute<{ "QUERY PLAN": string }>(sql`explain delete from form_submissions where created_at < now() - make_interval(days => ${FORM_SUBMISSION_RETENTION_DAYS})`);
        plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(plan).not.toContain("Seq Scan");
    expect(plan).toContain("form_submissions_created_at_idx");
  });
});
