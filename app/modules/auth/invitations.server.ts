import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { invitations, regions, users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { db } from "../db.server";
import { once } from "../forms/submit-once.server";
import { hashPassword } from "./password.server";
import type { Role } from "./roles";
import { createSession } from "./sessions.server";
import { generateRandomToken, hashToken } from "./tokens.server";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= Date.now() ? "expired" : "pending";
}

export type CreateInvitationResult =
  /** `path` is null for a replayed form: its invitation exists and its link was given the first time. */
  | { ok: true; invitationId: number; path: string | null }
  | { ok: false; field: "email" | "regionCode"; problem: "alreadyRegistered" | "unknownRegion" };

/**
 * Creates an invitation and returns the link path (its token exists only there). A pending
 * invitation to the same address is revoked so only the newest link works.
 */
export async function createInvitation(input: {
  email: string;
  role: Role;
  regionCode: string | null;
  invitedById: number;
  ip: string;
  /** The form's one-time token: sent again, it neither revokes the link just sent nor makes another. */
  formToken?: string | null;
}): Promise<CreateInvitationResult> {
  const existingUser = await db().query.users.findFirst({ where: eq(users.email, input.email), columns: { id: true } });
  if (existingUser) return { ok: false, field: "email", problem: "alreadyRegistered" };
  if (input.regionCode) {
    const region = await db().query.regions.findFirst({ where: eq(regions.code, input.regionCode), columns: { code: true } });
    if (!region) return { ok: false, field: "regionCode", problem: "unknownRegion" };
  }
  const token = generateRandomToken();
  let created = false;
  const submission = { userId: input.invitedById, scope: "invitation", token: input.formToken ?? null, sent: { email: input.email, role: input.role, regionCode: input.regionCode } };
  const invitationId = await db().transaction((tx) => once(tx, submission, async () => {
    created = true;
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [row] = await tx
      .insert(invitations)
      .values({
        tokenHash: hashToken(token),
        email: input.email,
        role: input.role,
        regionCode: input.regionCode,
        invitedById: input.invitedById,
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      })
      .returning({ id: invitations.id });
    await recordAudit(
      {
        actorId: input.invitedById,
        action: "invitation.created",
        targetType: "invitation",
        targetId: row!.id,
        after: { email: input.email, role: input.role, regionCode: input.regionCode },
        ip: input.ip,
      },
      tx,
    );
    return row!.id;
  }));
  // Only the hash of the token is stored, so a replay cannot show the link again.
  return { ok: true, invitationId, path: created ? `/undangan/${token}` : null };
}

export async function listInvitations() {
  const rows = await db()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      regionCode: invitations.regionCode,
      regionName: regions.name,
      invitedBy: users.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .leftJoin(regions, eq(regions.code, invitations.regionCode))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map((row) => ({ ...row, status: statusOf(row) }));
}

/** Revokes a pending invitation; false when it was not pending. */
export async function revokeInvitation(invitationId: number, actorId: number, ip: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .returning({ id: invitations.id, email: invitations.email });
    if (revoked.length === 0) return false;
    await recordAudit(
      { actorId, action: "invitation.revoked", targetType: "invitation", targetId: invitationId, before: { email: revoked[0]!.email }, ip },
      tx,
    );
    return true;
  });
}

export type InvitationLookup =
  | { status: "pending"; invitation: { id: number; email: string; role: Role; regionName: string | null } }
  | { status: "accepted" | "revoked" | "expired" | "unknown" };

export async function inspectInvitation(token: string): Promise<InvitationLookup> {
  if (token.length > 100) return { status: "unknown" };
  const [row] = await db()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      regionName: regions.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .leftJoin(regions, eq(regions.code, invitations.regionCode))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { status: "unknown" };
  const status = statusOf(row);
  return status === "pending" ? { status, invitation: row } : { status };
}

/**
 * Turns a pending invitation into an account and signs the new user in. The invitation row is
 * locked, so a link clicked twice at once still makes one account; returns null if the link
 * is no longer pending.
 */
export async function acceptInvitation(token: string, input: { name: string; password: string; ip: string }) {
  const passwordHash = await hashPassword(input.password);
  const userId = await db().transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .for("update");
    if (!invitation || statusOf(invitation) !== "pending") return null;
    const taken = await tx.query.users.findFirst({ where: eq(users.email, invitation.email), columns: { id: true } });
    if (taken) return null;
    const [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        name: input.name,
        passwordHash,
        role: invitation.role,
        regionCode: invitation.regionCode,
      })
      .returning({ id: users.id });
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedUserId: user!.id })
      .where(eq(invitations.id, invitation.id));
    await recordAudit(
      {
        actorId: user!.id,
        action: "invitation.accepted",
        targetType: "invitation",
        targetId: invitation.id,
        after: { userId: user!.id, email: invitation.email, role: invitation.role, regionCode: invitation.regionCode },
        ip: input.ip,
      },
      tx,
    );
    return user!.id;
  });
  return userId === null ? null : createSession(userId);
}
