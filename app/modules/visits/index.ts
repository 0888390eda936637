/**
 * The browser-safe public face of this area (decision 0008): other areas import only this file
 * or index.server.ts. Never re-export a *.server file here: it would pull server code into the browser.
 */
export { availableSteps, isOpenVisit, isPublicVisit, nextStatus, VISIT_STATUSES, VISIT_STEPS, type VisitSide, type VisitStatus, type VisitStep } from "./visit-workflow";
