import { isIP } from "node:net";
import { z } from "zod";
import { LOG_LEVELS } from "./log.server";

const PORT_RANGE = "must be a port number from 1 to 65535";
const port = (fallback: number) => z.coerce.number({ error: PORT_RANGE }).int(PORT_RANGE).min(1, PORT_RANGE).max(65535, PORT_RANGE).default(fallback);
const url = (schemes: string, example: string) =>
  z.url({ protocol: new RegExp(`^(${schemes})$`), error: `must be a ${schemes.split("|").map((scheme) => `${scheme}://`).join(" or ")} URL, e.g. ${example}` });
const wholeNumber = (min: number, max: number) => {
  const range = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: range }).int(range).min(min, range).max(max, range);
};

/** A value that is either unset or empty counts as unset, as shells and .env files produce both. */
function unsetWhenEmpty(source: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
}

/** Express's `trust proxy`: true/false, a number of hops, or addresses, subnets and its named ranges. */
const trustProxy = z.string().transform((value, context) => {
  if (value === "true" || value === "false") return value === "true";
  if (/^\d+$/.test(value)) return Number(value);
  const named = new Set(["loopback", "linklocal", "uniquelocal"]);
  const entries = value.split(",").map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    const [address, bits, ...rest] = entry.split("/");
    return named.has(entry) || (rest.length === 0 && isIP(address ?? "") !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits)));
  });
  if (!valid) context.addIssue({ code: "custom", message: "must be true, false, a number of proxies, or addresses/subnets such as 10.0.0.0/8,loopback" });
  return entries;
});

/** "IDSL <no-reply@idsl.example.go.id>" or a bare address. */
const MAIL_FROM = /^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

/**
 * Every environment variable the site and its start script read, validated at start so a wrong
 * value stops the site with a message naming it, instead of failing later on some request.
 */
const settingsSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { error: 'must be "development", "production" or "test"' }).default("development"),
  /** Unset: `npm start` runs the embedded PostgreSQL and fills this in before the app loads. */
  DATABASE_URL: url("postgres|postgresql", "postgres://idsl:secret@db.example:5432/idsl").optional(),
  /** Seconds to wait for a new database connection before a request fails with 503. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: wholeNumber(1, 60).default(3),
  /**
   * Longest statement a web request may run, in ms (0: no limit); scripts and background workers
   * have none. A database silent 0.5 s past it (frozen) fails the request too, so 4 s keeps a
   * request's failure within 5 s.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(0, 3_600_000).default(4_000),
  /** Seconds an unused pooled database connection stays open (0: until the process ends). */
  DATABASE_IDLE_TIMEOUT_SECONDS: wholeNumber(0, 86_400).default(60),
  /** "off" behind a pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21). */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  /** Unset: the bundled Meilisearch. Optional for command-line scripts that only touch the database. */
  MEILI_URL: url("http|https", "http://127.0.0.1:7700").optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_MAX_INDEXING_MEMORY: z.string().optional(),
  PORT: port(3000),
  HOST: z.string().default("0.0.0.0"),
  EMBEDDED_PG_PORT: port(54329),
  EMBEDDED_MEILI_PORT: port(7700),
  /** Web server worker processes; unset: one per core, at most four. */
  WEB_CONCURRENCY: wholeNumber(1, 64).optional(),
  /** Data of the embedded services and generated secrets; evidence files when no bucket is set. */
  IDSL_DATA_DIR: z.string().default(".data"),
  UPLOADS_DIR: z.string().optional(),
  /** Where `npm run backup` writes a backup folder when given none; unset: `$IDSL_DATA_DIR/backups`. */
  IDSL_BACKUP_DIR: z.string().optional(),
  /** The pg_dump `npm run backup` uses with DATABASE_URL; unset: the one on PATH. */
  PG_DUMP: z.string().optional(),
  /** S3-compatible storage for evidence files (credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). */
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: url("http|https", "https://minio.example:9000").optional(),
  S3_REGION: z.string().default("us-east-1"),
  /** What one region may store in evidence files and evaluation reports together, in MB. */
  IDSL_REGION_STORAGE_MB: wholeNumber(1, 10_000_000).default(500),
  /** Requests one client address may send to the read-only API (/api/v1) per minute. */
  API_REQUESTS_PER_MINUTE: wholeNumber(1, 1_000_000).default(600),
  /** Searches (/cari, its data requests too) one client address may send per minute while not signed in. */
  SEARCH_REQUESTS_PER_MINUTE: wholeNumber(1, 1_000_000).default(120),
  IDSL_SAMPLE_DATA: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  /** Public origin for links sent by mail, e.g. https://idsl.kemendagri.go.id. */
  APP_ORIGIN: url("http|https", "https://idsl.example.go.id")
    .refine((value) => new URL(value).pathname === "/" && !new URL(value).search, "must be an origin without a path, e.g. https://idsl.example.go.id")
    .transform((value) => new URL(value).origin)
    .optional(),
  TRUST_PROXY: trustProxy.optional(),
  SMTP_URL: url("smtp|smtps", "smtps://user:secret@mail.example.go.id:465").optional(),
  /** Signs the links in emails (one-click unsubscribe). Unset: `npm start` generates one in the data directory. */
  LINK_SIGNING_SECRET: z.string().min(32, "must be at least 32 characters long").optional(),
  /** Set by `remix dev` (npm run dev) for the server it runs: where to announce each rebuild. */
  REMIX_DEV_ORIGIN: url("http|https", "http://localhost:3001").optional(),
  MAIL_FROM: z.string().regex(MAIL_FROM, "must be an address such as IDSL <no-reply@idsl.example.go.id>").default("IDSL <no-reply@idsl.local>"),
  /** Least severe log lines written (log.server.ts); unset: info, or silent under vitest. */
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
  /** "pretty": coloured lines for a person at a terminal instead of JSON. */
  LOG_FORMAT: z.enum(["json", "pretty"], { error: 'must be "json" or "pretty"' }).default("json"),
  /** Bearer token that opens /metrics to a Prometheus scraper; unset: /metrics does not exist. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters long").optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Thrown when an environment variable has a value the site cannot use. */
export class InvalidSettingsError extends Error {
  override name = "InvalidSettingsError";
}

/** Their values may hold passwords, so error messages do not repeat them. */
const SECRET_BEARING = new Set(["DATABASE_URL", "MEILI_MASTER_KEY", "SMTP_URL", "LINK_SIGNING_SECRET", "METRICS_TOKEN"]);

/** Validates the environment (process.env by default); the error names every wrong variable. */
export function readSettings(source: Readonly<Record<string, string | undefined>> = process.env): Settings {
  const values = unsetWhenEmpty(source);
  const parsed = settingsSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return SECRET_BEARING.has(name) ? `${name} ${issue.message}` : `${name} ${issue.message} (got "${values[name] ?? ""}")`;
  });
  throw new InvalidSettingsError(`Invalid environment: ${problems.join("; ")}.`);
}

export type ServerEnv = Settings & { DATABASE_URL: string };

let cached: ServerEnv | undefined;

/**
 * The running site's configuration, validated once. `npm start` fills DATABASE_URL and MEILI_URL
 * for the embedded services before the app loads, so a missing database is a deployment error.
 */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const settings = readSettings();
  if (!settings.DATABASE_URL) throw new InvalidSettingsError("Invalid environment: DATABASE_URL is not set.");
  cached = { ...settings, DATABASE_URL: settings.DATABASE_URL };
  return cached;
}
