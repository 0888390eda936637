/** The browser-safe public face of this area: other areas import only this file or index.server.ts (decision 0008). Never re-export a *.server file here. */
export { type Actor, can, type Permission } from "./permissions";
export { type Role, roles } from "./roles";
