/**
 * What each process measures about itself (requests served, its pool, Node's own figures), on
 * prom-client's default registry. Under the cluster (scripts/start.ts) a scrape reaches one web
 * worker, which asks the primary for every worker's figures added up (prom-client's
 * AggregatorRegistry): counters and histograms summed, so a scrape sees the whole server.
 */
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, register } from "prom-client";
import { dbClient } from "../db.server";
import { errorMessage } from "../error-message";

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

interface ProcessMetrics {
  requestDuration: Histogram<"method" | "route">;
  requests: Counter<"method" | "route" | "status">;
}

function createProcessMetrics(): ProcessMetrics {
  collectDefaultMetrics({ register });
  // In a cluster worker, prom-client answers the primary's requests for this registry's figures
  // only once an AggregatorRegistry was constructed there.
  if (cluster.isWorker) new AggregatorRegistry();
  new Gauge({
    name: "idsl_db_pool_max_connections",
    help: "Connections this server's PostgreSQL pools may open (postgres.js exposes no count of those in use: see idsl_db_connections).",
    collect() {
      this.set(dbClient().options.max);
    },
  });
  return {
    requestDuration: new Histogram({
      name: "idsl_http_request_duration_seconds",
      help: "Time from receiving a request to sending the last byte of its response, by route.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    requests: new Counter({
      name: "idsl_http_requests_total",
      help: "Responses sent, by route and status code.",
      labelNames: ["method", "route", "status"],
    }),
  };
}

/** Registered once per process: the start script's and the server build's copies of this module share them. */
const processWide = globalThis as typeof globalThis & { idslProcessMetrics?: ProcessMetrics };
const metrics = (processWide.idslProcessMetrics ??= createProcessMetrics());

/** Records one response; `route` is a route label (route-label.ts), never a raw path. */
export function observeHttpRequest(request: { method: string; route: string; status: number; seconds: number }): void {
  // Any other method a client makes up would be one more time series.
  const method = HTTP_METHODS.has(request.method) ? request.method : "other";
  metrics.requestDuration.observe({ method, route: request.route }, request.seconds);
  metrics.requests.inc({ method, route: request.route, status: String(request.status) });
}

const REQUEST = "idsl:metrics-request";
const RESPONSE = "idsl:metrics-response";
type MetricsResponse = { type: typeof RESPONSE; id: string; text?: string; error?: string };

function isMessage<T extends { type: string; id: string }>(message: unknown, type: T["type"]): message is T {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === type && typeof (message as { id?: unknown }).id === "string";
}

/** In the cluster's primary: answers a worker's request with all workers' figures, aggregated. */
export function answerWorkerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: unknown) => {
    if (!isMessage<{ type: typeof REQUEST; id: string }>(message, REQUEST)) return;
    const reply = (answer: Omit<MetricsResponse, "type" | "id">) => worker.send({ type: RESPONSE, id: message.id, ...answer });
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: errorMessage(error) }),
    );
  });
}

const CLUSTER_ANSWER_TIMEOUT_MS = 10_000;

/** This server's per-process figures in the text format: its own alone, or every cluster worker's. */
export async function processMetricsText(): Promise<string> {
  const send = process.send?.bind(process);
  if (!cluster.isWorker || !send) return register.metrics();
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error("the cluster's primary did not send the workers' metrics")), CLUSTER_ANSWER_TIMEOUT_MS);
    const onMessage = (message: unknown) => {
      if (!isMessage<MetricsResponse>(message, RESPONSE) || message.id !== id) return;
      finish(message.error === undefined ? message.text ?? "" : new Error(message.error));
    };
    const finish = (result: string | Error) => {
      clearTimeout(timer);
      process.off("message", onMessage);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    process.on("message", onMessage);
    send({ type: REQUEST, id });
  });
}

export const metricsContentType = register.contentType;
