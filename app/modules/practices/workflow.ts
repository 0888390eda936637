/**
 * The curation workflow: draft → submitted → changes_requested ↔ submitted → published →
 * archived. The state belongs to the newest revision; a published revision stays public
 * while a newer one is in review.
 */
export const PRACTICE_STATES = ["draft", "submitted", "changes_requested", "published", "archived"] as const;
export type PracticeState = (typeof PRACTICE_STATES)[number];

/** What the region's editors do (submit) and what curators decide. */
export const REVIEW_DECISIONS = ["submit", "comment", "request_changes", "publish", "archive", "restore"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export function isReviewDecision(value: unknown): value is ReviewDecision {
  return typeof value === "string" && (REVIEW_DECISIONS as readonly string[]).includes(value);
}

export interface WorkflowPosition {
  state: PracticeState;
  /** The newest revision is the published one (nothing newer waits for review). */
  newestIsPublished: boolean;
}

/** The state after a decision, or null when the decision does not apply in this state. */
export function stateAfterDecision(position: WorkflowPosition, decision: ReviewDecision): PracticeState | null {
  const { state } = position;
  switch (decision) {
    case "submit":
      return state === "draft" || state === "changes_requested" ? "submitted" : null;
    case "comment":
      return state === "archived" ? null : state;
    case "request_changes":
      return state === "submitted" ? "changes_requested" : null;
    case "publish":
      return state === "submitted" ? "published" : null;
    case "archive":
      return state === "archived" ? null : "archived";
    case "restore":
      // A revision that was waiting when the practice was archived goes back to its editors.
      if (state !== "archived") return null;
      return position.newestIsPublished ? "published" : "draft";
  }
}

/** The state after an editor saves a new revision; null when the practice cannot be edited. */
export function stateAfterEdit(state: PracticeState): PracticeState | null {
  if (state === "archived") return null;
  // Revising a published practice starts a new draft; the published revision stays public.
  return state === "published" ? "draft" : state;
}

/** Visible to everyone: a revision was published and the practice is not archived. */
export function isPublic(practice: { state: PracticeState; publishedRevisionId: number | null }): boolean {
  return practice.publishedRevisionId !== null && practice.state !== "archived";
}

/**
 * Whether a decision can change `isPublic` (and so the search index and the adoption network):
 * publishing, archiving and restoring do; submitting, commenting and requesting changes only
 * move the newest revision through review while the published one stays as it was.
 */
export function decisionChangesWhatIsPublic(decision: ReviewDecision): boolean {
  return decision === "publish" || decision === "archive" || decision === "restore";
}

/** Who makes a decision: the region's editors submit, curators do the rest. */
export function decisionNeedsCurator(decision: ReviewDecision): boolean {
  return decision !== "submit";
}
