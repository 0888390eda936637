/** The browser-safe public face of this area: other areas import only this file or index.server.ts (decision 0008). Never re-export a *.server file here. */
export { computeFrameworkIndex, type FrameworkNode, type IndexResult, indexMismatch } from "./framework-index";
export { type PredikatBand, predikatFor, roundIndex } from "./predikat";
