/** The server public face of this area: other areas import only this file or index.ts (decision 0008). */
export { recordAdoption } from "./adoptions.server";
export { getContactConsent, visibleContact } from "./contact-consent.server";
export { deliverQueuedContactMessageJob, getContactMessage } from "./contact-messages.server";
export {
  changeAttachments,
  createPractice,
  type DecisionResult,
  decideOnPractice,
  type SaveResult,
  savePracticeRevision,
} from "./practice-commands.server";
export { validatePracticeContent } from "./practice-content.server";
export { canSeeWorkingCopy, practiceFromParams, requirePracticeWriter, requireWorkingCopy } from "./practice-guards.server";
export { adoptionCount, listPublicAdoptions, listPublishedPractices, publishedPracticeFilters } from "./practice-list.server";
export {
  getPracticeHeader,
  getPracticeMeta,
  getPracticeRegion,
  getRevision,
  getRevisionByNumber,
  listReviewEvents,
  listRevisions,
  type PracticeHeader,
  type PracticeRevision,
} from "./practice-queries.server";
export { isPublicSql, selectPublicPractices } from "./public-practices.server";
