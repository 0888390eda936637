/**
 * Backs up a throwaway embedded cluster (migrated, seeded, with an evidence file), changes its
 * data and files, restores the backup into a fresh data directory and compares every table and
 * file with the backed-up state.
 */
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup, restoreBackup } from "./backup";
import { prepareDatabase } from "./database-startup";
import { type RunningPostgres, startEmbeddedPostgres } from "./embedded-postgres";
import { findFreePort } from "./ports";

/** Every table's row count and an md5 of its rows in a fixed order. */
async function tableContents(url: string): Promise<Record<string, string>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`
      select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`;
    const contents: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await sql.unsafe<{ rows: number; sum: string }[]>(
        `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum from ${name} t`,
      );
      contents[name] = `${row?.rows} rows, md5 ${row?.sum}`;
    }
    return contents;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("npm run backup / npm run restore", () => {
  // Under root, PostgreSQL runs as "postgres", which must be able to enter these directories.
  const root = mkdtempSync(path.join(tmpdir(), "idsl-backup-"));
  chmodSync(root, 0o755);
  const source = { dataDir: path.join(root, "site"), uploads: path.join(root, "site", "uploads") };
  const evidence = path.join(source.uploads, "practices", "1", "evidence.pdf");
  let cluster: RunningPostgres | undefined;

  beforeAll(async () => {
    cluster = await startEmbeddedPostgres({ dataDir: path.join(source.dataDir, "postgres"), port: await findFreePort() });
    await prepareDatabase(cluster.url);
    mkdirSync(path.dirname(evidence), { recursive: true });
    writeFileSync(evidence, randomBytes(64 * 1024));
  });

  afterAll(async () => {
    await cluster?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("restores every table's rows and every evidence file as they were when the backup was taken", async () => {
    if (!cluster) throw new Error("no cluster");
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await sql`insert into rate_limit_counters (key, points) values ('kept', 1), ('deleted later', 2)`;
    // Written to all along the backup, one committed row after another: left out of the comparison.
    await sql`create table backup_probe (n integer primary key)`;
    const { "public.backup_probe": _probe, ...backedUp } = await tableContents(cluster.url);
    const evidenceSum = sha256(evidence);

    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing) await sql`insert into backup_probe values (${++n})`;
      return n;
    })();
    const backup = path.join(root, "backup");
    const manifest = await createBackup({
      databaseUrl: cluster.url,
      embedded: true,
      uploads: { dir: source.uploads },
      secretsDir: path.join(source.dataDir, "secrets"),
      target: backup,
    }).finally(() => (writing = false));
    const written = await writer;
    await sql`truncate backup_probe`;
    expect(manifest.postgres).toMatchObject({ method: "base-backup", version: expect.stringMatching(/^17\./) });
    expect(manifest.migrations.latest).toMatch(/^\d{4}_/);
    expect(manifest.uploads).toEqual({ storage: "local", files: 1 });
    expect(manifest.files["uploads/practices/1/evidence.pdf"]).toBe(evidenceSum);

    // The site goes on after the backup: rows change, the evidence file disappears.
    await sql`delete from rate_limit_counters where key = 'deleted later'`;
    await sql`insert into rate_limit_counters (key, points) values ('added later', 3)`;
    await sql`update provinces set name = name || ' (changed)'`;
    await sql.end();
    rmSync(evidence);
    expect(await tableContents(cluster.url)).not.toEqual(backedUp);

    const restored = { dataDir: path.join(root, "restored"), uploadsDir: path.join(root, "restored", "uploads") };
    await restoreBackup({ source: backup, ...restored, overwrite: false });
    const restoredCluster = await startEmbeddedPostgres({ dataDir: path.join(restored.dataDir, "postgres"), port: await findFreePort() });
    try {
      expect(Object.keys(backedUp).length).toBeGreaterThan(50);
      const { "public.backup_probe": _restoredProbe, ...restoredContents } = await tableContents(restoredCluster.url);
      expect(restoredContents).toEqual(backedUp);
      // The rows committed while the backup ran are there up to one moment, without a gap.
      const probe = postgres(restoredCluster.url, { max: 1, onnotice: () => {} });
      const [rows] = await probe<{ count: number; max: number }[]>`select count(*)::int as count, coalesce(max(n), 0) as max from backup_probe`;
      await probe.end();
      expect(rows?.count).toBe(rows?.max);
      expect(rows?.count).toBeGreaterThan(0);
      expect(rows?.count).toBeLessThanOrEqual(written);
    } finally {
      await restoredCluster.stop();
    }
    expect(sha256(path.join(restored.uploadsDir, "practices", "1", "evidence.pdf"))).toBe(evidenceSum);

    // A data directory that holds data is replaced only when asked to.
    await expect(restoreBackup({ source: backup, ...restored, overwrite: false })).rejects.toThrow(/--overwrite/);
  });

  it("refuses a backup whose files changed", async () => {
    const backup = path.join(root, "backup");
    writeFileSync(path.join(backup, "uploads", "practices", "1", "evidence.pdf"), "tampered");
    await expect(restoreBackup({ source: backup, dataDir: path.join(root, "other"), uploadsDir: path.join(root, "other", "uploads"), overwrite: false })).rejects.toThrow(
      "uploads/practices/1/evidence.pdf is changed",
    );
  });

  it("says which pg_dump an external PostgreSQL needs when none is at hand", async () => {
    if (!cluster) throw new Error("no cluster");
    await expect(
      createBackup({
        databaseUrl: cluster.url,
        embedded: false,
        uploads: { bucket: "evidence" },
        target: path.join(root, "dump"),
        pgDump: path.join(root, "no-pg_dump"),
      }),
    ).rejects.toThrow(/needs pg_dump from the PostgreSQL 17 client/);
  });
});
