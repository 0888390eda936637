export * from "./sources";
export * from "./regions";
export * from "./frameworks";
export * from "./assessments";
export * from "./auth";
export * from "./region-profiles";
export * from "./practices";
export * from "./peer-groups";
