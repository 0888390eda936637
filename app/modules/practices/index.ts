/** The browser-safe public face of this area: other areas import only this file or index.server.ts (decision 0008). Never re-export a *.server file here. */
export { PRACTICE_STAGES, type PracticeContent, type PracticeStage, RUNNING_STATUSES } from "./practice-content";
export { PRACTICE_SORTS } from "./practice-query";
export { isPublic, type PracticeState, type ReviewDecision } from "./workflow";
