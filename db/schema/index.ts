export * from "./sources";
export * from "./regions";
export * from "./frameworks";
export * from "./assessments";
