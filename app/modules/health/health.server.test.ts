import { eq } from "drizzle-orm";
import { Meilisearch } from "meilisearch";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../../db/client";
import { searchOutbox } from "../../../db/schema";
import { db } from "../db.server";
import { enqueueSearchUpdate } from "../change-feed/enqueue.server";
import { checkHealth, livenessResponse, readinessResponse } from "./health.server";

const unreachableSearch = () => new Meilisearch({ host: "http://127.0.0.1:1", timeout: 500 });

describe("checkHealth", () => {
  it("reports both services up", async () => {
    const report = await checkHealth();
    expect(report.status).toBe("ok");
    expect(report.database.ok).toBe(true);
    expect(report.search.ok).toBe(true);
    expect(report.search.outboxBacklog).toEqual(expect.any(Number));
  });

  it("counts the search outbox backlog", async () => {
    const before = (await checkHealth()).search.outboxBacklog ?? 0;
    await enqueueSearchUpdate(db(), "practice", 999_999_999);
    try {
      expect((await checkHealth()).search.outboxBacklog).toBe(before + 1);
    } finally {
      await db().delete(searchOutbox).where(eq(searchOutbox.entityId, "999999999"));
    }
  });

  it("reports Meilisearch down as degraded without failing the database check", async () => {
    const report = await checkHealth({ search: unreachableSearch() });
    expect(report.status).toBe("degraded");
    expect(report.database.ok).toBe(true);
    expect(report.search).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it("reports the database down without leaking its credentials", async () => {
    const unreachable = createDatabase("postgres://someone:s3cret-password@127.0.0.1:1/nothing", { max: 1 });
    try {
      const report = await checkHealth({ database: unreachable.db });
      expect(report.status).toBe("unavailable");
      expect(report.search.ok).toBe(true);
      expect(report.database.ok).toBe(false);
      expect(report.search.outboxBacklog).toBeNull();
      expect(JSON.stringify(report)).not.toContain("s3cret-password");
    } finally {
      await unreachable.close();
    }
  });
});

describe("readiness and liveness", () => {
  it("is ready when both answer", async () => {
    const response = await readinessResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true }, search: { ok: true } });
  });

  it("stays ready, degraded, with search down: pages, writes and the database fallback still work", async () => {
    const response = await readinessResponse({ search: unreachableSearch() });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "degraded", database: { ok: true }, search: { ok: false } });
  });

  it("is not ready with the database down", async () => {
    const unreachable = createDatabase("postgres://someone:s3cret-password@127.0.0.1:1/nothing", { max: 1 });
    try {
      const response = await readinessResponse({ database: unreachable.db });
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ status: "unavailable", database: { ok: false } });
      expect(body).not.toContain("s3cret-password");
    } finally {
      await unreachable.close();
    }
  });

  it("answers liveness without asking anything", async () => {
    const response = livenessResponse();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
