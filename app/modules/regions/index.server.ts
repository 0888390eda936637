/** The public face of this area: other areas import only this file (decision 0008). */
export { listProvinces, PROVINCE_CODE_PATTERN, REGION_CODE_PATTERN } from "./regions.server";
