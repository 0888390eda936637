import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { request, startTestApp } from "../../../tests/support/http-app";
import { log } from "../log.server";

/** /metrics, request ids and the request log over real HTTP (decision 0030). */
const TOKEN = "metrics-token-for-the-test-1234";
let app: Awaited<ReturnType<typeof startTestApp>>;
let appWithoutToken: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  appWithoutToken = await startTestApp();
  process.env.METRICS_TOKEN = TOKEN;
  try {
    app = await startTestApp();
  } finally {
    delete process.env.METRICS_TOKEN;
  }
});
afterAll(async () => {
  await app.close();
  await appWithoutToken.close();
});

const scrape = (origin: string, authorization?: string) => request(origin, "/metrics", { headers: authorization ? { Authorization: authorization } : {} });

describe("/metrics", () => {
  it("does not exist unless METRICS_TOKEN is set", async () => {
    expect((await scrape(appWithoutToken.origin, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("asks for the token and refuses a wrong one", async () => {
    const missing = await scrape(app.origin);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape(app.origin, "Bearer not-the-token-at-all")).status).toBe(401);
    expect((await scrape(app.origin, TOKEN)).status).toBe(401);
  });

  it("shows latency and status counts per route, not per address, and the shared services' state", async () => {
    for (const path of ["/", "/praktik/999999991", "/praktik/999999992", "/tidak-ada-halaman-ini"]) await request(app.origin, path);
    const response = await scrape(app.origin, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    expect(body).toMatch(/^idsl_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/"\} \d+/m);
    expect(body).toMatch(/^idsl_http_requests_total\{method="GET",route="\/",status="200"\} [1-9]/m);
    // Two practice ids, one label; the address itself is nowhere.
    expect(body).toMatch(/^idsl_http_requests_total\{method="GET",route="\/praktik\/:id",status="404"\} 2$/m);
    expect(body).not.toContain("999999991");
    expect(body).not.toContain("tidak-ada-halaman-ini");
    for (const family of [
      "idsl_db_pool_max_connections",
      "idsl_db_connections",
      "idsl_job_queue_waiting",
      "idsl_job_queue_oldest_age_seconds",
      "idsl_search_outbox_backlog",
      "idsl_search_outbox_oldest_age_seconds",
      "idsl_search_tasks_pending",
      "idsl_search_last_task_latency_seconds",
      "process_resident_memory_bytes",
    ]) {
      expect(body, family).toContain(`# TYPE ${family} `);
    }
    expect(body).toMatch(/^idsl_metrics_source_up\{source="database"\} 1$/m);
    expect(body).toMatch(/^idsl_metrics_source_up\{source="search"\} 1$/m);
    expect(body).toMatch(/^idsl_db_connections\{state="active"\} [1-9]/m);
  });
});

describe("request ids", () => {
  it("echoes a sane incoming X-Request-Id and replaces anything else", async () => {
    const given = await request(app.origin, "/", { headers: { "X-Request-Id": "lb-7f3a9c21-0001" } });
    expect(given.headers.get("x-request-id")).toBe("lb-7f3a9c21-0001");
    const forged = await request(app.origin, "/", { headers: { "X-Request-Id": 'x" {"level":"fatal"}' } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const none = await request(app.origin, "/");
    expect(none.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows the request id on the error page, so a user can quote it", async () => {
    const response = await request(app.origin, "/tidak-ada-halaman-ini", { headers: { "X-Request-Id": "support-case-12345" } });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('data-request-id="support-case-12345"');
    expect(html).toContain("Kode permintaan: support-case-12345.");
  });

  it("is on the log line written while serving the request", async () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const level = log.level;
    log.level = "info";
    try {
      const response = await request(app.origin, "/praktik/999999993", { headers: { "X-Request-Id": "log-line-test-0001" } });
      await response.arrayBuffer();
      const link = await request(app.origin, "/atur-sandi/one-time-secret-7c1e9b", { headers: { "X-Request-Id": "log-line-test-0002" } });
      await link.arrayBuffer();
      // The line is written when the response has ended.
      await vi.waitFor(() => expect(lines.filter((line) => line.includes("log-line-test-000")).length).toBe(2));
    } finally {
      log.level = level;
      write.mockRestore();
    }
    const entries = lines
      .flatMap((chunk) => chunk.split("\n"))
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const entry = entries.find((line) => line.requestId === "log-line-test-0001");
    expect(entry).toMatchObject({ msg: "request", level: "info", method: "GET", route: "/praktik/:id", status: 404, path: "/praktik/999999993" });
    expect(entry?.durationMs).toEqual(expect.any(Number));
    // A one-time link's token never reaches the log.
    expect(entries.find((line) => line.requestId === "log-line-test-0002")).toMatchObject({ path: "/atur-sandi/:token", route: "/atur-sandi/:token" });
    expect(lines.join("")).not.toContain("one-time-secret-7c1e9b");
  });
});
