import { describe, expect, it } from "vitest";
import {
  decisionChangesWhatIsPublic,
  isPublic,
  PRACTICE_STATES,
  REVIEW_DECISIONS,
  type ReviewDecision,
  stateAfterDecision,
  stateAfterEdit,
  type WorkflowPosition,
} from "./workflow";

const at = (state: WorkflowPosition["state"], newestIsPublished = false): WorkflowPosition => ({ state, newestIsPublished });

describe("curation workflow", () => {
  it("walks draft → submitted → changes requested → submitted → published → archived", () => {
    expect(stateAfterDecision(at("draft"), "submit")).toBe("submitted");
    expect(stateAfterDecision(at("submitted"), "request_changes")).toBe("changes_requested");
    expect(stateAfterDecision(at("changes_requested"), "submit")).toBe("submitted");
    expect(stateAfterDecision(at("submitted"), "publish")).toBe("published");
    expect(stateAfterDecision(at("published", true), "archive")).toBe("archived");
  });

  it("refuses decisions that skip review", () => {
    expect(stateAfterDecision(at("draft"), "publish")).toBeNull();
    expect(stateAfterDecision(at("changes_requested"), "publish")).toBeNull();
    expect(stateAfterDecision(at("published", true), "submit")).toBeNull();
    expect(stateAfterDecision(at("draft"), "request_changes")).toBeNull();
    expect(stateAfterDecision(at("published", true), "restore")).toBeNull();
    expect(stateAfterDecision(at("archived"), "comment")).toBeNull();
  });

  it("keeps the state on a comment", () => {
    expect(stateAfterDecision(at("submitted"), "comment")).toBe("submitted");
  });

  it("restores an archived practice to published, or to draft when a newer revision was waiting", () => {
    expect(stateAfterDecision(at("archived", true), "restore")).toBe("published");
    expect(stateAfterDecision(at("archived", false), "restore")).toBe("draft");
  });

  it("turns an edit of a published practice into a new draft and refuses edits of archived ones", () => {
    expect(stateAfterEdit("published")).toBe("draft");
    expect(stateAfterEdit("submitted")).toBe("submitted");
    expect(stateAfterEdit("changes_requested")).toBe("changes_requested");
    expect(stateAfterEdit("archived")).toBeNull();
  });

  it("names exactly the decisions that can change whether a practice is public", () => {
    const changing = new Set<ReviewDecision>();
    for (const state of PRACTICE_STATES) {
      for (const publishedRevisionId of [null, 1]) {
        for (const newestIsPublished of publishedRevisionId === null ? [false] : [false, true]) {
          for (const decision of REVIEW_DECISIONS) {
            const after = stateAfterDecision({ state, newestIsPublished }, decision);
            if (after === null) continue;
            const before = { state, publishedRevisionId };
            const published = decision === "publish" ? 2 : publishedRevisionId;
            if (isPublic(before) !== isPublic({ state: after, publishedRevisionId: published })) changing.add(decision);
          }
        }
      }
    }
    expect(REVIEW_DECISIONS.filter(decisionChangesWhatIsPublic)).toEqual([...changing].sort((a, b) => REVIEW_DECISIONS.indexOf(a) - REVIEW_DECISIONS.indexOf(b)));
  });
});
