import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, rateLimitCounters, sessions } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { db } from "../db.server";
import { LIMITS } from "../limits/index.server";
import { createInvitation } from "./invitations.server";
import { SESSION_LIFETIME_MS, validateSessionToken } from "./sessions.server";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});
// Every request here comes from 127.0.0.1: one test's spent allowance must not refuse the next.
afterEach(() => db().delete(rateLimitCounters));

const GENERIC = "Email atau kata sandi salah.";

describe("sign-in", () => {
  it("signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const user = await createSignedInUser("member", "33.16");
    const response = await request(app.origin, "/masuk", { form: { email: user.email.toUpperCase(), password: user.password, redirectTo: "/akun" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/akun");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^idsl_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("gives the same generic answer for a wrong password and an unknown email", async () => {
    const user = await createSignedInUser("member", "33.16");
    const wrong = await request(app.origin, "/masuk", { form: { email: user.email, password: "not the password at all" } });
    const unknown = await request(app.origin, "/masuk", { form: { email: "nobody@nowhere.test", password: "whatever password" } });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(await wrong.text()).toContain(GENERIC);
    expect(await unknown.text()).toContain(GENERIC);
  });

  it("evaluates at most the free allowance of a hundred concurrent guesses at one account", async () => {
    const user = await createSignedInUser("member", "33.16");
    const guesses = await Promise.all(
      Array.from({ length: 100 }, (_, attempt) => request(app.origin, "/masuk", { form: { email: user.email, password: `tebakan salah ${attempt}` } })),
    );
    // 400 is a guess whose password was hashed and checked; 429 one refused before that.
    const statuses = guesses.map((response) => response.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(LIMITS.signIn.account.points);
    expect(statuses.filter((status) => status === 429)).toHaveLength(100 - LIMITS.signIn.account.points);
    const failures = await db().select().from(auditLog).where(and(eq(auditLog.action, "auth.sign_in_failed"), eq(auditLog.actorId, user.id)));
    expect(failures).toHaveLength(LIMITS.signIn.account.points);
    // Even the right password waits until the window has passed.
    const blocked = await request(app.origin, "/masuk", { form: { email: user.email, password: user.password } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(await blocked.text()).toContain("Terlalu banyak percobaan kata sandi untuk akun atau jaringan ini. Coba lagi dalam 15 menit.");
  });

  it("throttles the current-password check on the account page the same way", async () => {
    const user = await createSignedInUser("member", "33.16");
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, attempt) =>
        request(app.origin, "/akun", { cookie: user.cookie, form: { currentPassword: `salah ${attempt}`, newPassword: "kata sandi baru yang panjang", confirmPassword: "kata sandi baru yang panjang" } }),
      ),
    );
    const statuses = attempts.map((response) => response.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(LIMITS.passwordCheck.account.points);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - LIMITS.passwordCheck.account.points);
    const refused = attempts.find((response) => response.status === 429)!;
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused.text()).toContain("Terlalu banyak percobaan kata sandi. Coba lagi dalam 15 menit.");
  });

  it("refuses a deactivated user's password", async () => {
    const admin = await createSignedInUser("admin");
    const user = await createSignedInUser("editor", "32.11");
    await request(app.origin, `/admin/pengguna/${user.id}`, { cookie: admin.cookie, form: { intent: "deactivate" } });
    const response = await request(app.origin, "/masuk", { form: { email: user.email, password: user.password } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(GENERIC);
  });
});

describe("sessions", () => {
  it("stores only a hash of the secret and extends a session that is past half its life", async () => {
    const user = await createSignedInUser("member", "33.16");
    const [row] = await db().select().from(sessions).where(eq(sessions.id, user.sessionId));
    const token = JSON.parse(Buffer.from(decodeURIComponent(user.cookie.split("=")[1]!), "base64").toString()) as string;
    expect(Buffer.from(row!.secretHash).toString()).not.toContain(token.split(".")[1]);

    const soon = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000);
    await db().update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, user.sessionId));
    const validated = await validateSessionToken(token);
    expect(validated?.renewedCookie).toBeTruthy();
    const [renewed] = await db().select().from(sessions).where(eq(sessions.id, user.sessionId));
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);

    await db().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, user.sessionId));
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("signs out and signs out of other sessions", async () => {
    const user = await createSignedInUser("member", "33.16");
    const other = await request(app.origin, "/masuk", { form: { email: user.email, password: user.password } });
    const otherCookie = (other.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect((await request(app.origin, "/akun", { cookie: otherCookie })).status).toBe(200);

    await request(app.origin, "/akun", { cookie: user.cookie, form: { intent: "sign-out-others" } });
    expect((await request(app.origin, "/akun", { cookie: otherCookie })).status).toBe(302);
    expect((await request(app.origin, "/akun", { cookie: user.cookie })).status).toBe(200);

    await request(app.origin, "/keluar", { cookie: user.cookie, form: {} });
    expect((await request(app.origin, "/akun", { cookie: user.cookie })).status).toBe(302);
  });
});

describe("invitations", () => {
  async function invite(role: "editor" | "member" = "editor") {
    const admin = await createSignedInUser("admin");
    const email = `invitee.${Date.now()}.${Math.random().toString(36).slice(2)}@test.idsl`;
    const created = await createInvitation({ email, role, regionCode: "32.11", invitedById: admin.id, ip: "127.0.0.1" });
    if (!created.ok || created.path === null) throw new Error("invitation not created");
    return { ...created, path: created.path, email };
  }

  it("turns an invitation into an account once; the reused link gets a clear page", async () => {
    const invitation = await invite();
    const form = { name: "<script>alert(1)</script> Siti", newPassword: "sumedang berbagi praktik baik", confirmPassword: "sumedang berbagi praktik baik" };
    const accepted = await request(app.origin, invitation.path, { form });
    expect(accepted.status).toBe(302);
    const cookie = (accepted.headers.get("set-cookie") ?? "").split(";")[0]!;
    const account = await (await request(app.origin, "/akun", { cookie })).text();
    expect(account).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Siti");
    expect(account).not.toContain("<script>alert(1)</script>");

    const reused = await request(app.origin, invitation.path);
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain("Tautan ini sudah dipakai.");
    const again = await request(app.origin, invitation.path, { form });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(invitation.path);
  });

  it("shows expired and unknown links clearly", async () => {
    const invitation = await invite();
    await db().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitation.invitationId));
    const expired = await request(app.origin, invitation.path);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Tautan ini sudah kedaluwarsa.");
    const unknown = await request(app.origin, "/undangan/not-a-real-token");
    expect(await unknown.text()).toContain("Tautan ini tidak dikenal.");
  });

  it("rejects short, common and mismatched passwords with messages next to the fields", async () => {
    const invitation = await invite();
    const cases = [
      [{ newPassword: "pendek", confirmPassword: "pendek" }, "Kata sandi minimal 12 karakter."],
      [{ newPassword: "password1234", confirmPassword: "password1234" }, "Kata sandi ini terlalu umum"],
      [{ newPassword: "sumedang berbagi praktik", confirmPassword: "sumedang berbagi" }, "Kedua kata sandi tidak sama."],
    ] as const;
    for (const [passwords, message] of cases) {
      const response = await request(app.origin, invitation.path, { form: { name: "Budi", ...passwords } });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain('value="Budi"');
    }
  });

  it("refuses an invitation for an address that already has an account", async () => {
    const existing = await createSignedInUser("member", "33.16");
    const admin = await createSignedInUser("admin");
    const response = await request(app.origin, "/admin/undangan", {
      cookie: admin.cookie,
      form: { intent: "create", email: existing.email, role: "member", regionCode: "33.16" },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Sudah ada akun dengan email ini.");
  });
});
