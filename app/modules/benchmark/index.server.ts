/** The server public face of this area: other areas import only this file (decision 0008). */
export { type BenchmarkData, type Figure, getBenchmarkData } from "./benchmark-data.server";
export { FIGURE_KINDS, type FigureKind, kindParam, parseKindParam } from "./figure-kinds";
export { getGovernmentHistory } from "./region-figures.server";
export { computeRankings, rankingChoices } from "./rankings.server";
export { syncSampleData } from "./sample-data.server";
