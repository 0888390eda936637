import { like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rateLimitCounters } from "../../../db/schema";
import { db } from "../db.server";
import { forgetPasswordAttempt, LIMITS, reserve } from "./rate-limits.server";

/** Counters live in PostgreSQL, so these run against the worker's real database. */
let sequence = 0;
const someone = () => ({ account: `uji-${process.pid}-${++sequence}`, ip: `10.0.${sequence}.1` });
const counter = async (key: string) => (await db().select().from(rateLimitCounters).where(like(rateLimitCounters.key, key)))[0]?.points ?? 0;

describe("reserve", () => {
  it("lets exactly the allowance through when a hundred attempts arrive at once", async () => {
    const requester = someone();
    const results = await Promise.all(Array.from({ length: 100 }, () => reserve("signIn", requester)));
    expect(results.filter((result) => result.ok)).toHaveLength(LIMITS.signIn.account.points);
    const refused = results.find((result) => !result.ok);
    expect(refused).toMatchObject({ ok: false });
    expect(refused && !refused.ok ? refused.retryAfterSeconds : 0).toBeGreaterThan(14 * 60);
  });

  it("counts one account from many addresses, and one address for many accounts", async () => {
    const { account } = someone();
    const spread = await Promise.all(Array.from({ length: 20 }, (_, index) => reserve("signIn", { account, ip: `10.9.9.${index}` })));
    expect(spread.filter((result) => result.ok)).toHaveLength(LIMITS.signIn.account.points);
    const { ip } = someone();
    const office = await Promise.all(Array.from({ length: 50 }, (_, index) => reserve("signIn", { account: `rekan-${sequence}-${index}`, ip })));
    expect(office.filter((result) => result.ok)).toHaveLength(LIMITS.signIn.ip.points);
  });

  it("does not count an attempt the account refuses against the address", async () => {
    const requester = someone();
    for (let attempt = 0; attempt < LIMITS.question.account.points; attempt++) expect(await reserve("question", requester)).toEqual({ ok: true });
    expect((await reserve("question", requester)).ok).toBe(false);
    expect(await counter(`question:ip:${requester.ip}`)).toBe(LIMITS.question.account.points);
  });

  it("gives the account its point back when the address refuses", async () => {
    const { ip } = someone();
    for (let attempt = 0; attempt < LIMITS.signIn.ip.points; attempt++) expect((await reserve("signIn", { account: `buka-${sequence}-${attempt}`, ip })).ok).toBe(true);
    const latecomer = `terlambat-${sequence}`;
    expect((await reserve("signIn", { account: latecomer, ip })).ok).toBe(false);
    expect(await counter(`signIn:account:${latecomer}`)).toBe(0);
  });

  it("forgets an account's failed attempts after a success, but not the address's other attempts", async () => {
    const requester = someone();
    for (let attempt = 0; attempt < 3; attempt++) await reserve("passwordCheck", requester);
    await forgetPasswordAttempt("passwordCheck", requester);
    expect(await counter(`passwordCheck:account:${requester.account}`)).toBe(0);
    expect(await counter(`passwordCheck:ip:${requester.ip}`)).toBe(2);
  });

  it("keeps each limit apart", async () => {
    const requester = someone();
    for (let attempt = 0; attempt < LIMITS.figureNote.account.points; attempt++) await reserve("figureNote", requester);
    expect((await reserve("figureNote", requester)).ok).toBe(false);
    expect((await reserve("question", requester)).ok).toBe(true);
  });
});
