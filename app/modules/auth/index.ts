/**
 * The browser-safe public face of this area (decision 0008): other areas import only this file
 * or index.server.ts. Never re-export a *.server file here: it would pull server code into the browser.
 */
export { type Actor, can, type Permission } from "./permissions";
export { type Role, roles } from "./roles";
