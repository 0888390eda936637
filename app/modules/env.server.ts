import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url(),
  /** Optional for command-line scripts that only touch the database; the site always has it. */
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  /** Where evidence files go when no S3 bucket is configured. */
  IDSL_DATA_DIR: z.string().default(".data"),
  UPLOADS_DIR: z.string().optional(),
  /** S3-compatible storage for evidence files (credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). */
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default("us-east-1"),
  /** What one region may store in evidence files and evaluation reports together, in MB. */
  IDSL_REGION_STORAGE_MB: z.coerce.number().int().positive().default(500),
});

export type ServerEnv = z.infer<typeof envSchema>;

let cached: ServerEnv | undefined;

/**
 * The server's configuration, validated once. `npm start` fills DATABASE_URL and MEILI_URL
 * for the embedded services before the app loads, so a missing value is a deployment error.
 */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid server environment: ${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}
