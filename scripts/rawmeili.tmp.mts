import autocannon from "autocannon";
import { readSearchQuery, searchRequest } from "../app/modules/search/search.server";
process.env.DATABASE_URL ||= "";
const paths = process.env.PATHS!.split(",");
const variant = process.env.VARIANT ?? "all";
const requests = await Promise.all(paths.map(async (path) => {
  const { query } = await readSearchQuery(new URL(path, "http://x").searchParams);
  const body = searchRequest(query);
  if (variant === "id") { const q = body.queries[0]!; q.attributesToRetrieve = ["id", "title", "summary", "regionCode", "regionName", "provinceName", "stage"]; q.attributesToHighlight = ["title", "summary"]; q.attributesToCrop = ["summary"]; }
  if (variant === "nofacets") { body.queries[0]!.facets = []; }
  if (variant === "nohl") { const q = body.queries[0]!; q.attributesToHighlight = []; q.attributesToCrop = []; }
  return { path: "/multi-search", method: "POST" as const, body: JSON.stringify(body), headers: { "content-type": "application/json", authorization: `Bearer ${process.env.KEY}` } };
}));
const r = await autocannon({ url: "http://127.0.0.1:7760", connections: 4, duration: 8, requests });
console.log(variant, `p50 ${r.latency.p50} p97.5 ${r.latency.p97_5} rps ${r.requests.average} bytes ${Math.round(r.throughput.total / r.requests.total)}`);
process.exit(0);
