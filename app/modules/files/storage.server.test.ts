import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// s3rver is an S3-compatible server written for tests (no MinIO binary here): the S3 adapter
// talks real S3 HTTP to it through the AWS SDK. It ships no types.
// @ts-expect-error -- untyped module
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AttachmentStorage, localDirectoryStorage, s3Storage } from "./storage.server";

const directories: string[] = [];
const tempDirectory = () => {
  const directory = mkdtempSync(path.join(tmpdir(), "idsl-storage-"));
  directories.push(directory);
  return directory;
};

let s3: { close: () => Promise<void> };
let s3Port: number;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: tempDirectory(), configureBuckets: [{ name: "idsl-test" }] });
  s3Port = (await server.run()).port;
  s3 = server;
});

afterAll(async () => {
  await s3.close();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

const adapters: [string, () => AttachmentStorage][] = [
  ["local directory", () => localDirectoryStorage(tempDirectory())],
  ["S3-compatible bucket", () => s3Storage({ bucket: "idsl-test", endpoint: `http://127.0.0.1:${s3Port}`, region: "us-east-1" })],
];

describe.each(adapters)("attachment storage: %s", (_name, create) => {
  it("stores bytes under a key and reads them back", async () => {
    const storage = create();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255]);
    await storage.put("practices/1/a.pdf", bytes, "application/pdf");
    expect(await storage.get("practices/1/a.pdf")).toEqual(bytes);
  });

  it("answers null for a key that holds nothing", async () => {
    expect(await create().get("practices/1/missing.png")).toBeNull();
  });

  it("deletes bytes, and deleting nothing is fine", async () => {
    const storage = create();
    await storage.put("practices/3/b.png", new Uint8Array([1, 2]), "image/png");
    await storage.delete("practices/3/b.png");
    expect(await storage.get("practices/3/b.png")).toBeNull();
    await expect(storage.delete("practices/3/b.png")).resolves.toBeUndefined();
  });
});

describe("local directory storage", () => {
  it("refuses keys that would leave the uploads directory and never overwrites", async () => {
    const storage = localDirectoryStorage(tempDirectory());
    await expect(storage.put("../escape.png", new Uint8Array([1]), "image/png")).rejects.toThrow(/escapes/);
    await storage.put("practices/2/x.png", new Uint8Array([1]), "image/png");
    await expect(storage.put("practices/2/x.png", new Uint8Array([2]), "image/png")).rejects.toThrow();
  });
});
