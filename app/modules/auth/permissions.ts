import type { Role } from "./roles";

/** Whoever is asking: a signed-in, active user, or null for a visitor. */
export interface Actor {
  id: number;
  role: Role;
  regionCode: string | null;
}

/**
 * Everything a user may ask to do. The one place that answers "may this user do X to Y";
 * loaders and actions ask through requirePermission (permissions.server.ts).
 */
export type Permission =
  | { action: "account.use" }
  | { action: "users.manage" }
  | { action: "audit.read" }
  | { action: "invitations.manage" }
  | { action: "invitation.create"; role: Role }
  | { action: "region.edit"; regionCode: string }
  | { action: "cohorts.manage" };

/** Roles each inviter may hand out: curators bring in regional staff and fellow curators. */
const invitableRoles: Record<Role, readonly Role[]> = {
  admin: ["admin", "curator", "editor", "member"],
  curator: ["curator", "editor", "member"],
  editor: [],
  member: [],
};

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  switch (permission.action) {
    case "account.use":
      return true;
    case "users.manage":
    case "audit.read":
      return actor.role === "admin";
    case "invitations.manage":
      return actor.role === "admin" || actor.role === "curator";
    case "invitation.create":
      return invitableRoles[actor.role].includes(permission.role);
    case "region.edit":
      return (
        actor.role === "admin" ||
        actor.role === "curator" ||
        (actor.role === "editor" && actor.regionCode === permission.regionCode)
      );
    case "cohorts.manage":
      return actor.role === "admin" || actor.role === "curator";
  }
}

export function invitableRolesFor(actor: Actor): readonly Role[] {
  return invitableRoles[actor.role];
}
