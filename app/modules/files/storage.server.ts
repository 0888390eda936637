import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { serverEnv } from "../env.server";

/** Where evidence bytes live; the database keeps only their key and metadata. */
export interface AttachmentStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the bytes; nothing stored under the key is not an error. */
  delete(key: string): Promise<void>;
}

/** Files under a directory (`.data/uploads` by default); keys are generated, never user input. */
export function localDirectoryStorage(root: string): AttachmentStorage {
  const fileFor = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error(`Storage key escapes the uploads directory: ${key}`);
    return file;
  };
  return {
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileFor(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}

/** An S3-compatible bucket (AWS, MinIO, Ceph…); path-style addressing when an endpoint is given. */
export function s3Storage(options: { bucket: string; endpoint?: string; region: string }): AttachmentStorage {
  const client = new S3Client({ region: options.region, endpoint: options.endpoint, forcePathStyle: Boolean(options.endpoint) });
  return {
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key }));
        return object.Body ? await object.Body.transformToByteArray() : null;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key }));
    },
  };
}

let storage: AttachmentStorage | undefined;

export function attachmentStorage(): AttachmentStorage {
  if (!storage) {
    const env = serverEnv();
    storage = env.S3_BUCKET
      ? s3Storage({ bucket: env.S3_BUCKET, endpoint: env.S3_ENDPOINT, region: env.S3_REGION })
      : localDirectoryStorage(env.UPLOADS_DIR ?? path.join(env.IDSL_DATA_DIR, "uploads"));
  }
  return storage;
}
