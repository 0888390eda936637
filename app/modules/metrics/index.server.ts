/** The public face of this area: other areas import only this file (decision 0008). */
export { metricsExposition } from "./exposition.server";
export { answerWorkerMetricsRequests, observeHttpRequest } from "./process-metrics.server";
export { routeLabel, routePatterns, type RouteEntry } from "./route-label";
