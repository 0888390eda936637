import { Meilisearch } from "meilisearch";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../../db/client";
import { checkHealth } from "./health.server";

describe("checkHealth", () => {
  it("reports both services up", async () => {
    const report = await checkHealth();
    expect(report.ok).toBe(true);
    expect(report.database.ok).toBe(true);
    expect(report.search.ok).toBe(true);
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
      expect(JSON.stringify(report)).not.toContain("s3cret-password");
    } finally {
      await unreachable.close();
    }
  });
});
