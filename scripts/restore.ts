/**
 * `npm run restore -- <folder> [--overwrite]`: restores a backup made by `npm run backup` into
 * the data directory (IDSL_DATA_DIR, evidence files into UPLOADS_DIR or its `uploads/`), which
 * must not hold a database, search data, evidence files or secrets unless --overwrite is given.
 * The site must be stopped. See docs/decisions/0029-backups.md.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { readSettings } from "../app/modules/env.server";
import { errorMessage } from "../app/modules/error-message";
import { restoreBackup } from "./lib/backup";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { overwrite: { type: "boolean", default: false } } });
const settings = readSettings();
const [source] = positionals;
if (!source || positionals.length > 1) {
  console.error("[idsl] usage: npm run restore -- <backup folder> [--overwrite]");
  process.exit(1);
}
if (settings.DATABASE_URL) {
  console.error(
    "[idsl] DATABASE_URL is set: npm run restore restores the embedded PostgreSQL. Unset it, or restore a pg_dump backup into your PostgreSQL with pg_restore (see the README).",
  );
  process.exit(1);
}

const dataDir = path.resolve(settings.IDSL_DATA_DIR);
try {
  const manifest = await restoreBackup({
    source: path.resolve(source),
    dataDir,
    uploadsDir: path.resolve(settings.UPLOADS_DIR ?? path.join(dataDir, "uploads")),
    overwrite: values.overwrite,
  });
  console.log(`[idsl] restored the backup of ${manifest.createdAt} (app ${manifest.app.version}, migrations up to ${manifest.migrations.latest}) into ${dataDir}`);
  if (manifest.uploads.storage === "s3") console.warn(`[idsl] evidence files were in the bucket ${manifest.uploads.bucket}: they are not part of the backup.`);
  console.log(
    "[idsl] start the site with npm start (or npm run dev): the bundled Meilisearch starts empty and its indexes are rebuilt from the database. With MEILI_URL set, run npm run search:reindex once the site runs.",
  );
} catch (error) {
  console.error(`[idsl] restore failed: ${errorMessage(error)}`);
  process.exitCode = 1;
}
