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

describe("can (practices)", () => {
  it("lets only the region's editors and Kemendagri write a region's practices", () => {
    expect(can(editor, { action: "practice.write", regionCode: "32.11" })).toBe(true);
    expect(can(editor, { action: "practice.write", regionCode: "33.16" })).toBe(false);
    expect(can(member, { action: "practice.write", regionCode: "32.11" })).toBe(false);
    expect(can(curator, { action: "practice.write", regionCode: "33.16" })).toBe(true);
    expect(can(null, { action: "practice.write", regionCode: "32.11" })).toBe(false);
  });

  it("keeps review and moderation to curators and admins", () => {
    for (const action of ["practice.review", "practice.moderate"] as const) {
      expect(can(curator, { action })).toBe(true);
      expect(can(admin, { action })).toBe(true);
      expect(can(editor, { action })).toBe(false);
      expect(can(member, { action })).toBe(false);
    }
  });

  it("lets every signed-in user ask, and only the owning region's editors answer", () => {
    expect(can(member, { action: "practice.ask" })).toBe(true);
    expect(can(null, { action: "practice.ask" })).toBe(false);
    expect(can(editor, { action: "practice.answer", regionCode: "32.11" })).toBe(true);
    expect(can(editor, { action: "practice.answer", regionCode: "33.16" })).toBe(false);
    expect(can(curator, { action: "practice.answer", regionCode: "32.11" })).toBe(false);
  });
});

describe("can (figures)", () => {
  it("lets only the region's editors report its official levels and sign notes on its figures", () => {
    for (const action of ["assessment.report", "figure.note"] as const) {
      expect(can(editor, { action, regionCode: "32.11" })).toBe(true);
      expect(can(editor, { action, regionCode: "33.16" })).toBe(false);
      expect(can(member, { action, regionCode: "32.11" })).toBe(false);
      // A curator who entered a region's levels could not also check them.
      expect(can(curator, { action, regionCode: "32.11" })).toBe(false);
    }
  });

  it("keeps verifying levels and hiding notes to curators and admins", () => {
    for (const action of ["assessment.verify", "figure.moderate"] as const) {
      expect(can(curator, { action })).toBe(true);
      expect(can(admin, { action })).toBe(true);
      expect(can(editor, { action })).toBe(false);
      expect(can(member, { action })).toBe(false);
    }
  });

  it("shows an evaluation report to signed-in officials once verified, before that to the region and Kemendagri", () => {
    const otherMember: Actor = { id: 5, role: "member", regionCode: "33.16" };
    expect(can(otherMember, { action: "evaluationReport.read", regionCode: "32.11", verified: true })).toBe(true);
    expect(can(null, { action: "evaluationReport.read", regionCode: "32.11", verified: true })).toBe(false);
    expect(can(otherMember, { action: "evaluationReport.read", regionCode: "32.11", verified: false })).toBe(false);
    expect(can(editor, { action: "evaluationReport.read", regionCode: "32.11", verified: false })).toBe(true);
    expect(can(curator, { action: "evaluationReport.read", regionCode: "32.11", verified: false })).toBe(true);
  });

  it("shows a practice's contact person to signed-in officials once consent is recorded, before that to the region's editors and Kemendagri, never to visitors", () => {
    const otherMember: Actor = { id: 5, role: "member", regionCode: "33.16" };
    const otherEditor: Actor = { id: 6, role: "editor", regionCode: "33.16" };
    expect(can(null, { action: "contact.view", regionCode: "32.11", consented: true })).toBe(false);
    expect(can(otherMember, { action: "contact.view", regionCode: "32.11", consented: true })).toBe(true);
    expect(can(otherMember, { action: "contact.view", regionCode: "32.11", consented: false })).toBe(false);
    expect(can(member, { action: "contact.view", regionCode: "32.11", consented: false })).toBe(false);
    expect(can(otherEditor, { action: "contact.view", regionCode: "32.11", consented: false })).toBe(false);
    expect(can(editor, { action: "contact.view", regionCode: "32.11", consented: false })).toBe(true);
    expect(can(curator, { action: "contact.view", regionCode: "32.11", consented: false })).toBe(true);
  });

  it("lets only the region's editors and Kemendagri read the messages sent to it through IDSL", () => {
    const otherEditor: Actor = { id: 6, role: "editor", regionCode: "33.16" };
    expect(can(editor, { action: "contactMessage.read", regionCode: "32.11" })).toBe(true);
    expect(can(curator, { action: "contactMessage.read", regionCode: "32.11" })).toBe(true);
    for (const actor of [null, member, otherEditor]) expect(can(actor, { action: "contactMessage.read", regionCode: "32.11" })).toBe(false);
  });

  it("lets another region's officials request an application, the owner's editors decide, both sides read the request", () => {
    const otherMember: Actor = { id: 5, role: "member", regionCode: "33.16" };
    const otherEditor: Actor = { id: 6, role: "editor", regionCode: "33.16" };
    expect(can(null, { action: "application.request", ownerRegionCode: "32.11" })).toBe(false);
    expect(can(otherMember, { action: "application.request", ownerRegionCode: "32.11" })).toBe(true);
    expect(can(member, { action: "application.request", ownerRegionCode: "32.11" })).toBe(false);
    expect(can(curator, { action: "application.request", ownerRegionCode: "32.11" })).toBe(false);
    expect(can(editor, { action: "application.decide", regionCode: "32.11" })).toBe(true);
    expect(can(otherEditor, { action: "application.decide", regionCode: "32.11" })).toBe(false);
    expect(can(curator, { action: "application.decide", regionCode: "32.11" })).toBe(false);
    expect(can(otherEditor, { action: "application.write", regionCode: "32.11" })).toBe(false);
    expect(can(editor, { action: "application.write", regionCode: "32.11" })).toBe(true);
    const read = { action: "application.requestRead", ownerRegionCode: "32.11", requesterRegionCode: "33.16" } as const;
    expect([otherMember, editor, curator].map((actor) => can(actor, read))).toEqual([true, true, true]);
    expect(can(member, read)).toBe(false);
    expect(can({ id: 7, role: "member", regionCode: "35.22" }, read)).toBe(false);
  });
});
