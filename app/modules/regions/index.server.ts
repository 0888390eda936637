/** The public face of this area: other areas import only this file (decision 0008). */
export { listCohorts } from "./cohorts.server";
export { getRegionProfileFields } from "./region-profile.server";
export { getRegionProfile, listProvinces, listRegionsByProvince, PROVINCE_CODE_PATTERN, REGION_CODE_PATTERN, searchRegionDirectory } from "./regions.server";
