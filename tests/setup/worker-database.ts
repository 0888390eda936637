/**
 * Gives each vitest worker its own database, cloned from the migrated and seeded template,
 * and points the app's modules (which read DATABASE_URL/MEILI_URL) at the test servers.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";

const workerDatabase = `idsl_test_${process.env.VITEST_POOL_ID ?? "0"}`;

// Setup files run before every test file; the worker process (and its env) lives across files.
if (process.env.IDSL_TEST_DATABASE !== workerDatabase) {
  const adminUrl = inject("postgresAdminUrl");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${workerDatabase}" with (force)`);
  await admin.unsafe(`create database "${workerDatabase}" template "${inject("templateDatabase")}"`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${workerDatabase}`;
  process.env.DATABASE_URL = url.toString();
  process.env.MEILI_URL = inject("meiliUrl");
  process.env.MEILI_MASTER_KEY = inject("meiliMasterKey");
  process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "idsl-uploads-"));
  process.env.LINK_SIGNING_SECRET = "test-link-signing-secret-of-32-chars";
  process.env.IDSL_TEST_DATABASE = workerDatabase;
}
