/** The server public face of this area: other areas import only this file or index.ts (decision 0008). */
export { defaultFramework, FRAMEWORK_PARAM, requireFrameworkChoice, type UnknownFramework } from "./framework-choice.server";
export {
  frameworkCoversYear,
  type FrameworkSummary,
  type FrameworkTree,
  getFrameworkSummary,
  getFrameworkTree,
  getLevelCriteria,
  invalidateFrameworkCaches,
  type LevelCriterion,
  listFrameworks,
  PEMDI_2026,
  SPBE_2020,
} from "./frameworks.server";
export {
  type ChangeEffect,
  type CuratedFramework,
  changeEffect,
  decideFrameworkChange,
  type DecisionResult,
  type FrameworkVersionEntry,
  getCuratedFramework,
  getFrameworkChangeReview,
  getFrameworkHistory,
  listCuratedFrameworks,
  listFrameworkChanges,
  proposeFrameworkChange,
} from "./framework-changes.server";
export { listCrosswalk, reviewCrosswalkPair } from "./crosswalk.server";
