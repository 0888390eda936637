import { checkHealth } from "~/modules/health/health.server";

export async function loader() {
  const report = await checkHealth();
  return Response.json(
    { status: report.ok ? "ok" : "degraded", database: report.database, search: report.search },
    { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
