export const roles = ["admin", "curator", "editor", "member"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Editors and members act for one region; admins and Kemendagri curators for none. */
export function roleNeedsRegion(role: Role): boolean {
  return role === "editor" || role === "member";
}
