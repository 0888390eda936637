import { livenessResponse } from "~/modules/health/health.server";

export function loader() {
  return livenessResponse();
}
