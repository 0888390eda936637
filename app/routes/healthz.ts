import { readinessResponse } from "~/modules/health/health.server";

/** Kept for monitors set up before /healthz/ready existed: the same answer as readiness. */
export function loader() {
  return readinessResponse();
}
