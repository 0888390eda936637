import { metricsContentType, processMetricsText } from "./process-metrics.server";
import { stateMetricsText } from "./state-metrics.server";

/** Everything /metrics shows: this server's process figures (all workers') and the shared services' state. */
export async function metricsExposition(): Promise<{ contentType: string; body: string }> {
  const [processFigures, state] = await Promise.all([processMetricsText(), stateMetricsText()]);
  return { contentType: metricsContentType, body: `${processFigures.trimEnd()}\n${state}` };
}
