import { describe, expect, it } from "vitest";
import { type Actor, can } from "./permissions";

const admin: Actor = { id: 1, role: "admin", regionCode: null };
const curator: Actor = { id: 2, role: "curator", regionCode: null };
const editor: Actor = { id: 3, role: "editor", regionCode: "32.11" };
const member: Actor = { id: 4, role: "member", regionCode: "32.11" };

describe("can", () => {
  it("lets visitors do nothing protected", () => {
    expect(can(null, { action: "account.use" })).toBe(false);
    expect(can(null, { action: "region.edit", regionCode: "32.11" })).toBe(false);
  });

  it("binds editors to their own region", () => {
    expect(can(editor, { action: "region.edit", regionCode: "32.11" })).toBe(true);
    expect(can(editor, { action: "region.edit", regionCode: "33.16" })).toBe(false);
    expect(can(member, { action: "region.edit", regionCode: "32.11" })).toBe(false);
  });

  it("lets curators invite regional staff and curators but not admins", () => {
    expect(can(curator, { action: "invitation.create", role: "editor" })).toBe(true);
    expect(can(curator, { action: "invitation.create", role: "admin" })).toBe(false);
    expect(can(admin, { action: "invitation.create", role: "admin" })).toBe(true);
    expect(can(editor, { action: "invitation.create", role: "member" })).toBe(false);
  });

  it("keeps user management and the audit log to admins", () => {
    for (const actor of [curator, editor, member]) {
      expect(can(actor, { action: "users.manage" })).toBe(false);
      expect(can(actor, { action: "audit.read" })).toBe(false);
    }
    expect(can(admin, { action: "users.manage" })).toBe(true);
  });
});
