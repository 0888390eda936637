/**
 * The browser-safe public face of this area (decision 0008): other areas import only this file
 * or index.server.ts. Never re-export a *.server file here: it would pull server code into the browser.
 */
export { type FrameworkDefinition, type FrameworkProblem, frameworkProblems } from "./framework-definition";
export {
  diffFrameworkDefinitions,
  type EditableFramework,
  type EditableNode,
  editFields,
  type EditProblem,
  type FrameworkDiffEntry,
  type FrameworkEditResult,
  MAX_BANDS,
  parseFrameworkEdit,
  SOURCE_STATUS_VALUES,
  withGroupWeights,
} from "./framework-edit";
export { computeFrameworkIndex, type FrameworkNode, type IndexResult, indexMismatch } from "./framework-index";
export { type PredikatBand, type PredikatScale, predikatOf, roundIndex } from "./predikat";
export {
  allGroups,
  type FrameworkGroup,
  type FrameworkGroupRef,
  type FrameworkIndicator,
  frameworkGroupsOf,
  indicatorAncestors,
  indicatorSections,
  indicatorsIn,
} from "./framework-tree";
export { type CrosswalkPair, type CrosswalkRow, type CrosswalkStatus, crosswalkRows } from "./crosswalk";
