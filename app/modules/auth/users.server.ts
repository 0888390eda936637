import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { regions, users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db } from "../db.server";
import { escapeLikePattern } from "../text/like-pattern";
import { createOneTimeLink } from "./one-time-links.server";
import type { Role } from "./roles";
import { invalidateUserSessions } from "./sessions.server";

export const USERS_PAGE_SIZE = 50;

export interface UserQuery {
  q: string;
  role: Role | null;
  regionCode: string | null;
  page: number;
}

/** What the admin pages show of a user. */
const adminUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  regionCode: users.regionCode,
  regionName: regions.name,
  active: users.active,
};

export async function searchUsers(query: UserQuery) {
  const pattern = `%${escapeLikePattern(query.q)}%`;
  const conditions: (SQL | undefined)[] = [
    query.q ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.regionCode ? eq(users.regionCode, query.regionCode) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await db().select({ value: count() }).from(users).where(where);
  const rows = await db()
    .select({ ...adminUserColumns, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset((query.page - 1) * USERS_PAGE_SIZE);
  return { total: total?.value ?? 0, rows };
}

export async function getUserForAdmin(userId: number) {
  const [row] = await db()
    .select({ ...adminUserColumns, createdAt: users.createdAt })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(users.id, userId));
  return row ?? null;
}

export type UserChangeResult = { ok: true } | { ok: false; problem: "notFound" | "self" | "unknownRegion" };

/**
 * Changes a user's role and region. Admins cannot change their own role, so the last admin
 * cannot lock everyone out by accident.
 */
export async function changeUserRole(input: {
  userId: number;
  role: Role;
  regionCode: string | null;
  actorId: number;
  ip: string;
}): Promise<UserChangeResult> {
  if (input.userId === input.actorId) return { ok: false, problem: "self" };
  if (input.regionCode) {
    const region = await db().query.regions.findFirst({ where: eq(regions.code, input.regionCode), columns: { code: true } });
    if (!region) return { ok: false, problem: "unknownRegion" };
  }
  return db().transaction(async (tx) => {
    const before = await tx.query.users.findFirst({
      where: eq(users.id, input.userId),
      columns: { role: true, regionCode: true },
    });
    if (!before) return { ok: false, problem: "notFound" } as const;
    await tx
      .update(users)
      .set({ role: input.role, regionCode: input.regionCode, updatedAt: new Date() })
      .where(eq(users.id, input.userId));
    await recordAudit(
      {
        actorId: input.actorId,
        action: "user.role_changed",
        targetType: "user",
        targetId: input.userId,
        before,
        after: { role: input.role, regionCode: input.regionCode },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true } as const;
  });
}

/** Deactivating ends every session of the user at once; reactivating lets them sign in again. */
export async function setUserActive(input: {
  userId: number;
  active: boolean;
  actorId: number;
  ip: string;
}): Promise<UserChangeResult> {
  if (input.userId === input.actorId) return { ok: false, problem: "self" };
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ active: input.active, updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id });
    if (updated.length === 0) return { ok: false, problem: "notFound" } as const;
    if (!input.active) await invalidateUserSessions(input.userId, undefined, tx);
    await recordAudit(
      {
        actorId: input.actorId,
        action: input.active ? "user.activated" : "user.deactivated",
        targetType: "user",
        targetId: input.userId,
        before: { active: !input.active },
        after: { active: input.active },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true } as const;
  });
}

/** An admin-issued link with which the user sets a new password; its path is shown once. */
export async function issuePasswordResetLink(input: { userId: number; actorId: number; ip: string }) {
  const path = await createOneTimeLink({ userId: input.userId, purpose: "set_password", createdById: input.actorId });
  await recordAudit({
    actorId: input.actorId,
    action: "auth.password_reset_issued",
    targetType: "user",
    targetId: input.userId,
    ip: input.ip,
  });
  return path;
}

/** Creates an account without a password (first admin, demo accounts); returns its id. */
export async function createUserWithoutPassword(input: {
  email: string;
  name: string;
  role: Role;
  regionCode: string | null;
}): Promise<number> {
  const [row] = await db().insert(users).values(input).returning({ id: users.id });
  await recordAudit({ actorId: null, action: "user.created", targetType: "user", targetId: row!.id, after: input });
  return row!.id;
}
