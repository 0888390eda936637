import { eq } from "drizzle-orm";
import { Meilisearch } from "meilisearch";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../../db/client";
import { searchOutbox } from "../../../db/schema";
import { db } from "../db.server";
import { enqueueSearchUpdate } from "../change-feed/enqueue.server";
import { checkHealth } from "./health.server";

describe("checkHealth", () => {
  it("reports both services up", async () => {
    const report = await checkHealth();
    expect(report.ok).toBe(true);
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

  it("reports Meilisearch down without failing the database check", async () => {
    const report = await checkHealth({ search: new Meilisearch({ host: "http://127.0.0.1:1", timeout: 500 }) });
    expect(report.ok).toBe(false);
    expect(report.database.ok).toBe(true);
    expect(report.search).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it("reports the database down without leaking its credentials", async () => {
    const unreachable = createDatabase("postgres://someone:s3cret-password@127.0.0.1:1/nothing", { max: 1 });
    try {
      const report = await checkHealth({ database: unreachable.db });
      expect(report.ok).toBe(false);
      expect(report.search.ok).toBe(true);
      expect(report.database.ok).toBe(false);
      expect(report.search.outboxBacklog).toBeNull();
      expect(JSON.stringify(report)).not.toContain("s3cret-password");
    } finally {
      await unreachable.close();
    }
  });
});
