/**
 * Starts one real PostgreSQL and one real Meilisearch for the whole vitest run, in a fresh
 * directory, and prepares a migrated, seeded template database that each worker clones.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../../scripts/lib/database-startup";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { startBundledMeilisearch } from "../../scripts/lib/meilisearch-server";
import { findFreePort } from "../../scripts/lib/ports";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    templateDatabase: string;
    meiliUrl: string;
    meiliMasterKey: string;
  }
}

export const TEMPLATE_DATABASE = "idsl_template";

export default async function setup(project: TestProject) {
  const dataDir = path.resolve(".data", `test-${process.pid}`);
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port: await findFreePort(),
    database: TEMPLATE_DATABASE,
  });
  const meili = await startBundledMeilisearch({
    dataDir: path.join(dataDir, "meili"),
    port: await findFreePort(),
    masterKey: randomBytes(24).toString("base64url"),
  });
  await prepareDatabase(cluster.url);
  // Refuse connections to the template so CREATE DATABASE … TEMPLATE never finds it busy.
  const admin = postgres(cluster.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`alter database "${TEMPLATE_DATABASE}" with allow_connections false`);
  await admin.end();

  project.provide("postgresAdminUrl", cluster.adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  project.provide("meiliUrl", meili.url);
  project.provide("meiliMasterKey", meili.masterKey);

  return async () => {
    await meili.stop();
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
