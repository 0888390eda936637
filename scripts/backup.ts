/**
 * `npm run backup [-- <folder>]`: writes a consistent backup of the database and the local
 * evidence files, with a manifest, to <folder>, else to $IDSL_BACKUP_DIR/<time> (default
 * `.data/backups/<time>`). Safe while the site runs. See docs/decisions/0029-backups.md.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readSettings } from "../app/modules/env.server";
import { errorMessage } from "../app/modules/error-message";
import { createBackup } from "./lib/backup";
import { databaseForScript } from "./lib/database-for-script";

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const settings = readSettings();
const dataDir = path.resolve(settings.IDSL_DATA_DIR);
const embedded = !settings.DATABASE_URL;
const time = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(positionals[0] ?? path.join(settings.IDSL_BACKUP_DIR ?? path.join(dataDir, "backups"), time));
const secretsDir = path.join(dataDir, "secrets");

if (embedded && !existsSync(path.join(dataDir, "postgres", "PG_VERSION"))) {
  console.error(`[idsl] No embedded PostgreSQL in ${dataDir} to back up (set IDSL_DATA_DIR, or DATABASE_URL for an external one).`);
  process.exit(1);
}

const database = await databaseForScript();
try {
  const manifest = await createBackup({
    databaseUrl: database.url,
    embedded,
    uploads: settings.S3_BUCKET ? { bucket: settings.S3_BUCKET } : { dir: path.resolve(settings.UPLOADS_DIR ?? path.join(dataDir, "uploads")) },
    secretsDir: existsSync(secretsDir) ? secretsDir : undefined,
    pgDump: settings.PG_DUMP,
    target,
  });
  const method = manifest.postgres.method === "base-backup" ? "base backup" : "pg_dump";
  console.log(`[idsl] backup written to ${target}`);
  console.log(`[idsl] PostgreSQL ${manifest.postgres.version} (${method}), migrations up to ${manifest.migrations.latest}, ${Object.keys(manifest.files).length} files with checksums in manifest.json`);
  if (manifest.uploads.storage === "local") console.log(`[idsl] evidence files: ${manifest.uploads.files}`);
  else {
    console.warn(
      `[idsl] evidence files are in the bucket ${manifest.uploads.bucket} and NOT in this backup: keep the bucket versioned or replicated (the storage operator's job).`,
    );
  }
  console.log("[idsl] search indexes are not backed up: they are rebuilt from the database after a restore.");
} catch (error) {
  console.error(`[idsl] backup failed: ${errorMessage(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
