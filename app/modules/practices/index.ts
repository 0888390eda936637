/**
 * The browser-safe public face of this area (decision 0008): other areas import only this file
 * or index.server.ts. Never re-export a *.server file here: it would pull server code into the browser.
 */
export { countWords, MAX_SUMMARY_WORDS, PRACTICE_STAGES, type PracticeContent, type PracticeStage, RUNNING_STATUSES } from "./practice-content";
export { PRACTICE_SORTS } from "./practice-query";
export { isPublic, type PracticeState, type ReviewDecision } from "./workflow";
