import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import { levelSubmissions, practiceAttachments, practices } from "../../../db/schema";
import { db, type DatabaseOrTransaction, lockForTransaction } from "../db.server";
import { serverEnv } from "../env.server";
import { enqueueJob, type JobHandler } from "../jobs/index.server";
import type { FieldError } from "../forms/form-data";
import { attachmentStorage } from "./storage.server";

/** Largest evidence file accepted (a scanned report, a photo). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * Largest image, in pixels. A 50-megapixel photo is more than evidence needs; a small file
 * declaring a huge canvas (a 389 KB PNG of 20,000 × 20,000) would cost every viewer's browser
 * gigabytes to draw.
 */
export const MAX_IMAGE_MEGAPIXELS = 50;

/** What we accept, by the type detected from the bytes (never the name or the browser's claim). */
const acceptedTypes = new Map([
  ["image/jpeg", "image"],
  ["image/png", "image"],
  ["image/webp", "image"],
  ["image/gif", "image"],
  ["application/pdf", "pdf"],
] as const);

export type UploadKind = "image" | "pdf";

export type UploadRefusal = { ok: false; error: FieldError };
export type UploadCheck = { ok: true; contentType: string; kind: UploadKind; extension: string } | UploadRefusal;

/** Whether the bytes are a file of one of the allowed kinds, by content, within the size limits. */
export async function checkUploadedFile(bytes: Uint8Array, allowed: readonly UploadKind[]): Promise<UploadCheck> {
  if (bytes.byteLength === 0) return { ok: false, error: { code: "fileRequired" } };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, error: { code: "fileTooLarge" } };
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected ? acceptedTypes.get(detected.mime as never) : undefined;
  if (!detected || !kind || !allowed.includes(kind)) return { ok: false, error: { code: allowed.includes("image") ? "fileTypeNotAllowed" : "pdfRequired" } };
  if (kind === "image") {
    const pixels = imagePixels(bytes);
    if (pixels === null) return { ok: false, error: { code: "fileTypeNotAllowed" } };
    if (pixels > MAX_IMAGE_MEGAPIXELS * 1_000_000) return { ok: false, error: { code: "imageTooLarge", max: MAX_IMAGE_MEGAPIXELS } };
  }
  return { ok: true, contentType: detected.mime, kind, extension: detected.ext };
}

/** The image's size as its header declares it, or null when the header cannot be read. */
function imagePixels(bytes: Uint8Array): number | null {
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? width * height : null;
  } catch {
    return null;
  }
}

/**
 * A name safe to show and to put in a download header: no path; no control, format or
 * bidirectional characters (so "laporan\u202Egnp.exe" cannot pass for "laporanexe.png").
 */
export function cleanFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}"]/gu, "")
    .trim()
    .slice(0, 150);
  return base || `lampiran.${extension}`;
}

/** What a region may store in evidence files and evaluation reports together. */
export function regionStorageQuotaBytes(): number {
  return serverEnv().IDSL_REGION_STORAGE_MB * 1024 * 1024;
}

/** Bytes a region stores: its practices' evidence and its evaluation reports, every version kept. */
async function regionStoredBytes(executor: DatabaseOrTransaction, regionCode: string): Promise<number> {
  const [evidence] = await executor
    .select({ bytes: sql<string>`coalesce(sum(${practiceAttachments.byteSize}), 0)` })
    .from(practiceAttachments)
    .innerJoin(practices, eq(practices.id, practiceAttachments.practiceId))
    .where(eq(practices.regionCode, regionCode));
  const [reports] = await executor
    .select({ bytes: sql<string>`coalesce(sum(${levelSubmissions.reportByteSize}), 0)` })
    .from(levelSubmissions)
    .where(eq(levelSubmissions.regionCode, regionCode));
  return Number(evidence?.bytes ?? 0) + Number(reports?.bytes ?? 0);
}

/** An upload as the database records it. */
export interface StoredFile {
  storageKey: string;
  kind: UploadKind;
  contentType: string;
  fileName: string;
  byteSize: number;
  sha256: string;
}

/** How long after storing bytes they are checked for a row that records them. Far beyond any upload's transaction. */
const ORPHAN_CHECK_DELAY_MS = 60 * 60 * 1000;

/**
 * Deletes stored bytes no row records: the upload's transaction failed and so did the delete
 * after it (storage down), or the process died between the two. Enqueued, on its own, before
 * the bytes are stored, so it outlives any crash.
 */
export const deleteUnrecordedFileJob: JobHandler<{ storageKey: string }> = {
  name: "files.delete-unrecorded",
  async run({ storageKey }) {
    const [recorded] = await db()
      .select({ key: sql`1` })
      .from(practiceAttachments)
      .where(eq(practiceAttachments.storageKey, storageKey))
      .union(db().select({ key: sql`1` }).from(levelSubmissions).where(eq(levelSubmissions.reportStorageKey, storageKey)));
    if (!recorded) await attachmentStorage().delete(storageKey);
  },
};

/** Thrown inside the transaction to undo it when `commit` reports failure. */
class Undo<T> extends Error {
  constructor(readonly outcome: T) {
    super("upload not kept");
  }
}

/**
 * Stores an accepted file for a region and records it through `commit`, in one transaction
 * that holds the region's storage lock, so the quota holds under concurrent uploads. When the
 * quota is full, or `commit` fails or reports failure, the bytes are deleted again before this
 * returns: no stored file outlives a refused upload (and should that delete fail or the process
 * die first, `deleteUnrecordedFileJob` removes it later).
 */
export async function storeUpload<T extends { ok: boolean }>(input: {
  regionCode: string;
  keyPrefix: string;
  fileName: string;
  bytes: Uint8Array;
  accepted: Extract<UploadCheck, { ok: true }>;
  commit: (tx: DatabaseOrTransaction, file: StoredFile) => Promise<T>;
}): Promise<T | UploadRefusal> {
  const quota = regionStorageQuotaBytes();
  const full: UploadRefusal = { ok: false, error: { code: "storageQuotaFull", max: Math.floor(quota / (1024 * 1024)) } };
  // Checked before storing as well, so a full region does not upload 10 MB to be refused.
  if ((await regionStoredBytes(db(), input.regionCode)) + input.bytes.byteLength > quota) return full;

  const file: StoredFile = {
    storageKey: `${input.keyPrefix}/${randomUUID()}.${input.accepted.extension}`,
    kind: input.accepted.kind,
    contentType: input.accepted.contentType,
    fileName: cleanFileName(input.fileName, input.accepted.extension),
    byteSize: input.bytes.byteLength,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
  };
  await enqueueJob(db(), deleteUnrecordedFileJob, { storageKey: file.storageKey }, { startAfter: new Date(Date.now() + ORPHAN_CHECK_DELAY_MS) });
  await attachmentStorage().put(file.storageKey, input.bytes, file.contentType);
  try {
    return await db().transaction(async (tx) => {
      await lockForTransaction(tx, `region-storage:${input.regionCode}`);
      if ((await regionStoredBytes(tx, input.regionCode)) + file.byteSize > quota) throw new Undo(full);
      const outcome = await input.commit(tx, file);
      if (!outcome.ok) throw new Undo(outcome);
      return outcome;
    });
  } catch (error) {
    await attachmentStorage().delete(file.storageKey);
    if (error instanceof Undo) return error.outcome as T | UploadRefusal;
    throw error;
  }
}
