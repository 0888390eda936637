import { readinessResponse } from "~/modules/health/health.server";

export function loader() {
  return readinessResponse();
}
