/** The server public face of this area: other areas import only this file or index.ts (decision 0008). */
export {
  type FrameworkIndicator,
  type FrameworkSummary,
  type FrameworkTree,
  getFrameworkSummary,
  getFrameworkTree,
  getLevelCriteria,
  type LevelCriterion,
  SPBE_2020,
} from "./frameworks.server";
