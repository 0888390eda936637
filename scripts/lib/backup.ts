/**
 * Backups of the database and the local evidence files, and their restore into a fresh data
 * directory (`npm run backup`, `npm run restore`). Why a physical base backup of the embedded
 * cluster and pg_dump only for an external PostgreSQL: docs/decisions/0029-backups.md.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { chmod, chown, copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { findFreePort } from "./ports";

const run = promisify(execFile);

export const MANIFEST = "manifest.json";

export interface BackupManifest {
  format: "idsl-backup-1";
  createdAt: string;
  app: { version: string; commit: string | null };
  /** Applied migrations: how many, and the newest one's tag (db/migrations/meta/_journal.json). */
  migrations: { count: number; latest: string | null };
  postgres: { version: string; method: "base-backup" | "pg_dump" };
  /** Where evidence files were stored: local ones are in `uploads/`; a bucket's are not copied. */
  uploads: { storage: "local"; files: number } | { storage: "s3"; bucket: string };
  /** SHA-256 of every file of the backup but the manifest, by path relative to the backup folder. */
  files: Record<string, string>;
}

interface Sources {
  /** Connection URL of the database (a superuser's for the embedded cluster). */
  databaseUrl: string;
  /** Evidence files' directory, or the bucket when evidence files live in S3. */
  uploads: { dir: string } | { bucket: string };
  /** `secrets/` of the data directory: the embedded cluster's password, the link-signing secret. */
  secretsDir?: string;
  /** The pg_dump used for an external PostgreSQL. */
  pgDump?: string;
}

/*
 * Contents PostgreSQL rebuilds or never needs in a base backup (see "Making a Base Backup Using
 * the Low Level API" in its manual); the directories themselves are kept.
 */
const SKIPPED_FILES = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "pg_internal.init", "backup_label.old"]);
const EMPTIED_DIRS = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);

/** Whether a base backup leaves out `relative`, a path in the data directory. */
function leftOutOfBaseBackup(relative: string, isDir: boolean): boolean {
  const [top = "", ...rest] = relative.split(path.sep);
  // pg_wal keeps its archive_status directory; its segments are copied after pg_backup_stop.
  if (EMPTIED_DIRS.has(top) && rest.length > 0) return relative !== path.join("pg_wal", "archive_status");
  const name = path.basename(relative);
  return name.startsWith("pgsql_tmp") || (!isDir && SKIPPED_FILES.has(name));
}

/** Copies `from` into `to` recursively; files PostgreSQL drops while we copy are simply missing. */
async function copyTree(from: string, to: string, skip: (relative: string, isDir: boolean) => boolean, relative = ""): Promise<void> {
  await mkdir(path.join(to, relative), { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = await readdir(path.join(from, relative), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const entry of entries) {
    const child = path.join(relative, entry.name);
    if (skip(child, entry.isDirectory())) continue;
    if (entry.isDirectory()) await copyTree(from, to, skip, child);
    else if (entry.isFile()) {
      await copyFile(path.join(from, child), path.join(to, child)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    }
  }
}

async function listFiles(root: string, relative = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const child = path.join(relative, entry.name);
      return entry.isDirectory() ? listFiles(root, child) : Promise.resolve(entry.isFile() ? [child] : []);
    }),
  );
  return nested.flat();
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("error", reject)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")));
  });
}

async function checksums(root: string): Promise<Record<string, string>> {
  const files = (await listFiles(root)).filter((file) => file !== MANIFEST).sort();
  const sums: Record<string, string> = {};
  for (const file of files) sums[file.split(path.sep).join("/")] = await sha256(path.join(root, file));
  return sums;
}

async function appVersion(): Promise<BackupManifest["app"]> {
  const root = path.resolve(import.meta.dirname, "../..");
  const { version } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
  const commit = await run("git", ["rev-parse", "HEAD"], { cwd: root }).then(
    (result) => result.stdout.trim(),
    () => null,
  );
  return { version, commit };
}

async function migrationLevel(sql: postgres.Sql): Promise<BackupManifest["migrations"]> {
  const [level] = await sql<{ count: number; latest: string | null }[]>`
    select count(*)::int as count, max(created_at)::text as latest from drizzle.__drizzle_migrations`;
  const journal = JSON.parse(await readFile(path.resolve(import.meta.dirname, "../../db/migrations/meta/_journal.json"), "utf8")) as {
    entries: { when: number; tag: string }[];
  };
  const latest = journal.entries.find((entry) => String(entry.when) === level?.latest)?.tag ?? level?.latest ?? null;
  return { count: level?.count ?? 0, latest };
}

async function assertEmptyTarget(target: string) {
  if (existsSync(target) && (await readdir(target)).length > 0) throw new Error(`${target} is not empty: choose a new folder for the backup.`);
  await mkdir(target, { recursive: true, mode: 0o700 });
}

/**
 * A base backup through PostgreSQL's low-level backup functions, taken while the site runs: the
 * files are copied between pg_backup_start and pg_backup_stop, and the WAL written meanwhile
 * (kept by a temporary replication slot) makes the copy consistent at the moment of the stop.
 */
async function baseBackup(sql: postgres.Sql, target: string) {
  const session = await sql.reserve();
  try {
    const [{ dataDir } = { dataDir: "" }] = await session<{ dataDir: string }[]>`select current_setting('data_directory') as "dataDir"`;
    await session`select pg_create_physical_replication_slot(${`idsl_backup_${process.pid}`}, true, true)`;
    const [start] = await session<{ walFile: string }[]>`select pg_walfile_name(pg_backup_start('idsl backup', true)) as "walFile"`;
    const pgTarget = path.join(target, "postgres");
    await copyTree(dataDir, pgTarget, leftOutOfBaseBackup);
    const [stop] = await session<{ walFile: string; labelfile: string; spcmapfile: string }[]>`
      select pg_walfile_name(lsn) as "walFile", labelfile, spcmapfile from pg_backup_stop(false)`;
    await writeFile(path.join(pgTarget, "backup_label"), stop?.labelfile ?? "", { mode: 0o600 });
    if (stop?.spcmapfile) await writeFile(path.join(pgTarget, "tablespace_map"), stop.spcmapfile, { mode: 0o600 });
    // The WAL from the backup's start to its stop; segment names sort in WAL order on one timeline.
    for (const name of await readdir(path.join(dataDir, "pg_wal"))) {
      if (/^[0-9A-F]{24}$/.test(name) && name >= (start?.walFile ?? "") && name <= (stop?.walFile ?? "")) {
        await copyFile(path.join(dataDir, "pg_wal", name), path.join(pgTarget, "pg_wal", name));
      }
    }
  } finally {
    session.release();
  }
}

/** A pg_dump of an external PostgreSQL, when a pg_dump at least as new as the server is at hand. */
async function dumpBackup(url: string, serverVersion: string, target: string, pgDump: string) {
  const serverMajor = Number.parseInt(serverVersion, 10);
  const needed = `pg_dump from the PostgreSQL ${serverMajor} client (or newer), e.g. the postgresql-client-${serverMajor} package; set PG_DUMP to its path if it is not on PATH`;
  const clientVersion = await run(pgDump, ["--version"]).then(
    (result) => result.stdout,
    () => null,
  );
  if (clientVersion === null) throw new Error(`No ${pgDump} found. A backup of ${new URL(url).host} needs ${needed}.`);
  const clientMajor = Number.parseInt(/(\d+)(?:\.\d+)*\s*(?:\(|$)/m.exec(clientVersion)?.[1] ?? "0", 10);
  if (clientMajor < serverMajor) throw new Error(`${pgDump} is version ${clientMajor}; the server runs PostgreSQL ${serverMajor}. A backup needs ${needed}.`);
  // The password goes through the environment, not the command line other users can read.
  const connection = new URL(url);
  const password = decodeURIComponent(connection.password);
  connection.password = "";
  await run(pgDump, ["--format=custom", "--no-owner", `--file=${path.join(target, "database.dump")}`, connection.toString()], {
    env: { ...process.env, PGPASSWORD: password },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Backs up the database (a base backup of the embedded cluster, or a pg_dump of an external one)
 * and then the local evidence files into `target`, with a manifest. Files are copied after the
 * database: every file a backed-up row names was stored before its row was committed.
 */
export async function createBackup(options: Sources & { target: string; embedded: boolean }): Promise<BackupManifest> {
  const { target } = options;
  await assertEmptyTarget(target);
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ version } = { version: "" }] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
    const migrations = await migrationLevel(sql);
    if (options.embedded) await baseBackup(sql, target);
    else await dumpBackup(options.databaseUrl, version, target, options.pgDump ?? "pg_dump");

    let uploads: BackupManifest["uploads"];
    if ("dir" in options.uploads) {
      await copyTree(options.uploads.dir, path.join(target, "uploads"), () => false);
      uploads = { storage: "local", files: (await listFiles(path.join(target, "uploads"))).length };
    } else uploads = { storage: "s3", bucket: options.uploads.bucket };
    if (options.secretsDir) await copyTree(options.secretsDir, path.join(target, "secrets"), () => false);

    const manifest: BackupManifest = {
      format: "idsl-backup-1",
      createdAt: new Date().toISOString(),
      app: await appVersion(),
      migrations,
      postgres: { version, method: options.embedded ? "base-backup" : "pg_dump" },
      uploads,
      files: await checksums(target),
    };
    await writeFile(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return manifest;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Reads a backup's manifest and checks every file it lists against its checksum. */
export async function verifyBackup(source: string): Promise<BackupManifest> {
  const manifestFile = path.join(source, MANIFEST);
  if (!existsSync(manifestFile)) throw new Error(`${source} holds no ${MANIFEST}: not a backup made by npm run backup.`);
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as BackupManifest;
  if (manifest.format !== "idsl-backup-1") throw new Error(`${manifestFile} is not an IDSL backup manifest.`);
  for (const [file, expected] of Object.entries(manifest.files)) {
    const actual = await sha256(path.join(source, file)).catch(() => "missing");
    if (actual !== expected) throw new Error(`The backup is damaged: ${file} is ${actual === "missing" ? "missing" : "changed"}.`);
  }
  return manifest;
}

/** What `restore` writes into a data directory; anything else there (e.g. `backups/`) is left alone. */
const RESTORED_ENTRIES = ["postgres", "meili", "uploads", "secrets"];

/** The numeric ids of the `postgres` user, which embedded-postgres runs the server as under root. */
async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all(["-u", "-g"].map((flag) => run("id", [flag, "postgres"]).then((result) => Number(result.stdout.trim()))));
  return { uid: uid ?? 0, gid: gid ?? 0 };
}

async function chownTree(root: string, ids: { uid: number; gid: number }) {
  await chown(root, ids.uid, ids.gid);
  for (const file of await readdir(root, { recursive: true })) await chown(path.join(root, file), ids.uid, ids.gid);
}

function isRunning(pidFile: string): Promise<boolean> {
  return readFile(pidFile, "utf8").then(
    (text) => {
      try {
        process.kill(Number(text.split("\n")[0]), 0);
        return true;
      } catch {
        return false;
      }
    },
    () => false,
  );
}

/**
 * Restores a base backup into the data directory `dataDir` (evidence files into `uploadsDir`),
 * which must be empty unless `overwrite`; then starts the restored cluster once on a free port,
 * so PostgreSQL replays the backup's WAL, and checks its migration level against the manifest.
 * Meilisearch's data is not restored: the next start finds an empty index and rebuilds it.
 */
export async function restoreBackup(options: { source: string; dataDir: string; uploadsDir: string; overwrite: boolean }): Promise<BackupManifest> {
  const { source, dataDir, uploadsDir } = options;
  const manifest = await verifyBackup(source);
  if (manifest.postgres.method === "pg_dump") {
    throw new Error(
      `This backup is a pg_dump of an external PostgreSQL: restore it into an empty database with pg_restore ${manifest.postgres.version.split(".")[0]} or newer, e.g. pg_restore --no-owner --dbname "$DATABASE_URL" ${path.join(source, "database.dump")}`,
    );
  }
  const present = [...new Set([...RESTORED_ENTRIES.map((entry) => path.join(dataDir, entry)), uploadsDir])].filter(
    (entry) => existsSync(entry) && (!statSync(entry).isDirectory() || readdirSync(entry).length > 0),
  );
  if (present.length > 0) {
    if (!options.overwrite) throw new Error(`${present.join(", ")} already hold data: restore into a fresh data directory, or pass --overwrite to replace it.`);
    if (await isRunning(path.join(dataDir, "postgres", "postmaster.pid"))) throw new Error(`PostgreSQL is running on ${path.join(dataDir, "postgres")}: stop the site first.`);
    for (const entry of present) await rm(entry, { recursive: true, force: true });
  }

  const pgDir = path.join(dataDir, "postgres");
  // The data directory itself stays enterable by others: under root, PostgreSQL runs as "postgres".
  await mkdir(dataDir, { recursive: true });
  await copyTree(path.join(source, "postgres"), pgDir, () => false);
  await chmod(pgDir, 0o700);
  if (process.getuid?.() === 0) await chownTree(pgDir, await postgresUserIds());
  if (existsSync(path.join(source, "uploads"))) await copyTree(path.join(source, "uploads"), uploadsDir, () => false);
  if (existsSync(path.join(source, "secrets"))) await copyTree(path.join(source, "secrets"), path.join(dataDir, "secrets"), () => false);

  const cluster = await startEmbeddedPostgres({ dataDir: pgDir, port: await findFreePort() });
  try {
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      const level = await migrationLevel(sql);
      if (level.count !== manifest.migrations.count) throw new Error(`The restored database has ${level.count} migrations applied, the backup ${manifest.migrations.count}.`);
    } finally {
      await sql.end({ timeout: 5 });
    }
  } finally {
    await cluster.stop();
  }
  return manifest;
}
