import { describe, expect, it } from "vitest";
import { type Actor, can } from "../auth";
import { visitStatus } from "../../../db/schema";
import { availableSteps, isOpenVisit, isPublicVisit, nextStatus, VISIT_STATUSES, VISIT_STEPS } from "./visit-workflow";

const today = "2026-12-01";
const future = { startDate: "2026-12-10" };
const past = { startDate: "2026-11-20" };

describe("study visit state machine", () => {
  it("lets the host accept, propose dates or decline a new request, and nothing else", () => {
    expect(availableSteps({ status: "requested", ...future }, ["host"], today)).toEqual(["accept", "proposeDates", "decline"]);
    expect(nextStatus("requested", "accept", "host")).toBe("accepted");
    expect(nextStatus("requested", "proposeDates", "host")).toBe("dates_proposed");
    expect(nextStatus("requested", "decline", "host")).toBe("declined");
    expect(nextStatus("requested", "acceptDates", "host")).toBeNull();
    expect(nextStatus("requested", "withdraw", "host")).toBeNull();
  });

  it("lets the requester accept proposed dates or withdraw, but never decide for the host", () => {
    expect(availableSteps({ status: "dates_proposed", ...future }, ["visitor"], today)).toEqual(["acceptDates", "withdraw"]);
    expect(nextStatus("dates_proposed", "acceptDates", "visitor")).toBe("accepted");
    expect(availableSteps({ status: "requested", ...future }, ["visitor"], today)).toEqual(["withdraw"]);
    for (const step of ["accept", "proposeDates", "decline"] as const) expect(nextStatus("requested", step, "visitor")).toBeNull();
  });

  it("ends declined and withdrawn requests for both sides", () => {
    for (const status of ["declined", "withdrawn"] as const) {
      expect(availableSteps({ status, ...past }, ["host", "visitor"], today)).toEqual([]);
    }
  });

  it("records what was learned only from the visit's first day, and withdrawing an accepted visit ends then", () => {
    expect(availableSteps({ status: "accepted", ...future }, ["visitor"], today)).toEqual(["withdraw"]);
    expect(availableSteps({ status: "accepted", startDate: today }, ["visitor"], today)).toEqual(["complete"]);
    expect(availableSteps({ status: "completed", ...past }, ["visitor"], today)).toEqual(["complete"]);
    expect(availableSteps({ status: "accepted", ...past }, ["host"], today)).toEqual([]);
  });

  it("lets the host cancel an accepted visit until its first day, and the visitor never", () => {
    expect(availableSteps({ status: "accepted", ...future }, ["host"], today)).toEqual(["cancel"]);
    expect(availableSteps({ status: "accepted", startDate: today }, ["host"], today)).toEqual(["cancel"]);
    expect(nextStatus("accepted", "cancel", "host")).toBe("cancelled");
    expect(nextStatus("accepted", "cancel", "visitor")).toBeNull();
    for (const status of ["requested", "dates_proposed", "declined", "withdrawn", "completed", "cancelled"] as const) expect(nextStatus(status, "cancel", "host")).toBeNull();
    expect(availableSteps({ status: "cancelled", ...future }, ["host", "visitor"], today)).toEqual([]);
  });

  it("has a target for every step and treats only accepted, completed and cancelled visits, and those withdrawn once agreed, as public", () => {
    for (const status of VISIT_STATUSES) {
      expect(isPublicVisit({ status, agreed: false })).toBe(status === "accepted" || status === "completed" || status === "cancelled");
      expect(isPublicVisit({ status, agreed: true })).toBe(status === "accepted" || status === "completed" || status === "cancelled" || status === "withdrawn");
      expect(isOpenVisit(status)).toBe(status === "requested" || status === "dates_proposed");
    }
    for (const step of VISIT_STEPS) expect(VISIT_STATUSES.some((status) => nextStatus(status, step, "host") ?? nextStatus(status, step, "visitor"))).toBe(true);
  });
});

describe("study visit permissions", () => {
  const bloraEditor: Actor = { id: 1, role: "editor", regionCode: "33.16" };
  const bloraMember: Actor = { id: 2, role: "member", regionCode: "33.16" };
  const sumedangEditor: Actor = { id: 3, role: "editor", regionCode: "32.11" };
  const curator: Actor = { id: 4, role: "curator", regionCode: null };
  const visit = { hostRegionCode: "32.11", visitorRegionCode: "33.16", requestedById: bloraMember.id };

  it("lets officials ask other regions only", () => {
    expect(can(bloraEditor, { action: "visit.request", hostRegionCode: "32.11" })).toBe(true);
    expect(can(bloraMember, { action: "visit.request", hostRegionCode: "32.11" })).toBe(true);
    expect(can(bloraEditor, { action: "visit.request", hostRegionCode: "33.16" })).toBe(false);
    expect(can(curator, { action: "visit.request", hostRegionCode: "32.11" })).toBe(false);
    expect(can(null, { action: "visit.request", hostRegionCode: "32.11" })).toBe(false);
  });

  it("lets the host's editors decide, the visiting region's editors and the requester follow up, and curators read", () => {
    expect(can(sumedangEditor, { action: "visit.decide", hostRegionCode: "32.11" })).toBe(true);
    expect(can(bloraEditor, { action: "visit.decide", hostRegionCode: "32.11" })).toBe(false);
    expect(can(bloraEditor, { action: "visit.followUp", visitorRegionCode: "33.16", requestedById: bloraMember.id })).toBe(true);
    expect(can(bloraMember, { action: "visit.followUp", visitorRegionCode: "33.16", requestedById: bloraMember.id })).toBe(true);
    expect(can({ ...bloraMember, id: 99 }, { action: "visit.followUp", visitorRegionCode: "33.16", requestedById: bloraMember.id })).toBe(false);
    expect(can(sumedangEditor, { action: "visit.followUp", visitorRegionCode: "33.16", requestedById: bloraMember.id })).toBe(false);
    for (const actor of [bloraEditor, bloraMember, sumedangEditor, curator]) expect(can(actor, { action: "visit.read", ...visit })).toBe(true);
    expect(can({ id: 5, role: "editor", regionCode: "35.22" }, { action: "visit.read", ...visit })).toBe(false);
    expect(can(null, { action: "visit.read", ...visit })).toBe(false);
  });
});

describe("visit statuses", () => {
  it("equal the database enum (browser code cannot import the schema)", () => {
    expect([...VISIT_STATUSES]).toEqual(visitStatus.enumValues);
  });
});
