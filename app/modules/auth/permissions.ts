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
  | { action: "cohorts.manage" }
  /** Write, revise, submit, attach evidence to and record adoptions for a region's practices;
   * also see their unpublished revisions. */
  | { action: "practice.write"; regionCode: string }
  | { action: "practice.review" }
  /** Have a practice workspace: a region's editors, curators and admins. */
  | { action: "practice.workspace" }
  | { action: "practice.ask" }
  | { action: "practice.answer"; regionCode: string }
  | { action: "practice.moderate" }
  /** Enter a region's SPBE self-assessment. */
  | { action: "assessment.self"; regionCode: string }
  /** See a region's self-assessments before it publishes them: its own people and Kemendagri. */
  | { action: "selfAssessment.read"; regionCode: string }
  /** Publish a region's self-assessment for everyone, or take it back: the region's editors. */
  | { action: "selfAssessment.publish"; regionCode: string }
  /** Report a region's official indicator levels from its evaluation report, for a curator to verify. */
  | { action: "assessment.report"; regionCode: string }
  /** Verify or send back the levels a region reported. */
  | { action: "assessment.verify" }
  /**
   * Read a region's evaluation report: any signed-in official once its levels are verified;
   * before that, the region's editors and Kemendagri.
   */
  | { action: "evaluationReport.read"; regionCode: string; verified: boolean }
  /** Sign a note on one of the region's figures (right of reply), or withdraw one. */
  | { action: "figure.note"; regionCode: string }
  /** Hide notes on figures. */
  | { action: "figure.moderate" }
  /** Import official results; manage sample data. */
  | { action: "assessment.import" }
  /** Propose a correction of a framework's names, weights, levels, bands or status. */
  | { action: "framework.propose" }
  /** Approve or reject another curator's proposed framework change. */
  | { action: "framework.review" }
  /** Confirm or reject which groups of two frameworks cover the same topic (the crosswalk). */
  | { action: "framework.crosswalk" }
  /** Save one's own custom peer groups. */
  | { action: "peerGroups.own" }
  /** Follow regions, indicators and tags, and read one's feed of what changed there. */
  | { action: "follows.own" }
  /** Add or change the applications a region shares: its editors and Kemendagri. */
  | { action: "application.write"; regionCode: string }
  /** Ask for another region's application: a signed-in official (editor or member) of another region. */
  | { action: "application.request"; ownerRegionCode: string }
  /** Approve or decline requests for a region's applications: its editors. */
  | { action: "application.decide"; regionCode: string }
  /** Read a request with its contact: the owner region's editors, the requesting region's officials, Kemendagri. */
  | { action: "application.requestRead"; ownerRegionCode: string; requesterRegionCode: string }
  /** Ask a region for a study visit: a signed-in official (editor or member) of another region. */
  | { action: "visit.request"; hostRegionCode: string }
  /** Accept, propose dates for or decline a study visit request: the host region's editors. */
  | { action: "visit.decide"; hostRegionCode: string }
  /** Accept proposed dates, withdraw, record what was learned: the visiting region's editors and the requester. */
  | { action: "visit.followUp"; visitorRegionCode: string; requestedById: number }
  /** See a visit request in full (open ones, the contact, the history): both regions' editors, the requester and Kemendagri. */
  | { action: "visit.read"; hostRegionCode: string; visitorRegionCode: string; requestedById: number }
  /**
   * See the contact person of a region's practice: any signed-in official once the person's
   * consent is recorded (UU 27/2022); before that only the region's editors and Kemendagri, who
   * can confirm it. Visitors never: they write through IDSL instead.
   */
  | { action: "contact.view"; regionCode: string; consented: boolean }
  /** Read the messages sent to a region through IDSL: its editors, and Kemendagri (who receive them while it has none). */
  | { action: "contactMessage.read"; regionCode: string };

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
      return isKemendagri(actor);
    case "invitation.create":
      return invitableRoles[actor.role].includes(permission.role);
    case "region.edit":
    case "application.write":
    case "practice.write":
    case "assessment.self":
      return isKemendagri(actor) || isEditorOf(actor, permission.regionCode);
    case "cohorts.manage":
    case "assessment.import":
    case "assessment.verify":
    case "figure.moderate":
    case "practice.review":
    case "practice.moderate":
    case "framework.propose":
    case "framework.review":
    case "framework.crosswalk":
      return isKemendagri(actor);
    // The region's own staff only: a curator who entered a region's levels could not also check them.
    case "assessment.report":
    case "figure.note":
    case "selfAssessment.publish":
    case "application.decide":
      return isEditorOf(actor, permission.regionCode);
    case "application.request":
      return actor.regionCode !== null && actor.regionCode !== permission.ownerRegionCode && (actor.role === "editor" || actor.role === "member");
    case "application.requestRead":
      return isKemendagri(actor) || isEditorOf(actor, permission.ownerRegionCode) || actor.regionCode === permission.requesterRegionCode;
    case "selfAssessment.read":
      return isKemendagri(actor) || actor.regionCode === permission.regionCode;
    case "contact.view":
      return permission.consented || isKemendagri(actor) || isEditorOf(actor, permission.regionCode);
    case "evaluationReport.read":
      return permission.verified || isKemendagri(actor) || isEditorOf(actor, permission.regionCode);
    case "practice.ask":
    case "peerGroups.own":
    case "follows.own":
      return true;
    case "practice.workspace":
      return isKemendagri(actor) || actor.role === "editor";
    case "practice.answer":
      return isEditorOf(actor, permission.regionCode);
    case "contactMessage.read":
      return isKemendagri(actor) || isEditorOf(actor, permission.regionCode);
    case "visit.request":
      return (actor.role === "editor" || actor.role === "member") && actor.regionCode !== null && actor.regionCode !== permission.hostRegionCode;
    case "visit.decide":
      return isEditorOf(actor, permission.hostRegionCode);
    case "visit.followUp":
      return isEditorOf(actor, permission.visitorRegionCode) || (actor.id === permission.requestedById && actor.regionCode === permission.visitorRegionCode);
    case "visit.read":
      return (
        isKemendagri(actor) ||
        isEditorOf(actor, permission.hostRegionCode) ||
        can(actor, { action: "visit.followUp", visitorRegionCode: permission.visitorRegionCode, requestedById: permission.requestedById })
      );
  }
}

/** Admins and Kemendagri curators act across all regions. */
function isKemendagri(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "curator";
}

function isEditorOf(actor: Actor, regionCode: string): boolean {
  return actor.role === "editor" && actor.regionCode === regionCode;
}

export function invitableRolesFor(actor: Actor): readonly Role[] {
  return invitableRoles[actor.role];
}
