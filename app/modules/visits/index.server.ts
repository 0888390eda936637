/** The server public face of this area: other areas import only this file or index.ts (decision 0008). */
export { visitCalendar } from "./visit-calendar.server";
export { echoVisitRequest, jakartaToday, parseVisitDecision, parseVisitRequest, VISIT_LIMITS, type VisitDecision, type VisitRequestInput } from "./visit-form.server";
export {
  canSeeVisit,
  decideOnVisit,
  getVisit,
  listLinkableAdoptions,
  listVisitablePractices,
  listVisitorPractices,
  listVisits,
  newVisitChoice,
  requestVisit,
  sidesOf,
  VISIT_CONTACT_PURPOSE_VERSION,
  VISIT_PAGE_SIZE,
  visitPage,
  type VisitDetail,
  type VisitResult,
  type VisitSummary,
} from "./visits.server";
