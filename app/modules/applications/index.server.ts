/** The server public face of this area: other areas import only this file or index.ts (decision 0008). */
export { getRegionApplications, listApplicationUses, listCatalog } from "./catalog.server";
