import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { practiceAttachments, practiceRevisions } from "../../../db/schema";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import type { ValidationCode } from "../forms/form-data";
import { attachmentStorage } from "./attachment-storage.server";
import { canSeeWorkingCopy, changeAttachments, getPracticeHeader, isPublic, type SaveResult } from "./practices.server";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What we accept, by the type detected from the bytes (never the name or the browser's claim). */
const acceptedTypes = new Map([
  ["image/jpeg", "image"],
  ["image/png", "image"],
  ["image/webp", "image"],
  ["image/gif", "image"],
  ["application/pdf", "pdf"],
] as const);

export type AttachmentCheck =
  | { ok: true; contentType: string; kind: "image" | "pdf"; extension: string }
  | { ok: false; code: ValidationCode };

export async function checkAttachmentContent(bytes: Uint8Array): Promise<AttachmentCheck> {
  if (bytes.byteLength === 0) return { ok: false, code: "fileRequired" };
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, code: "fileTooLarge" };
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected ? acceptedTypes.get(detected.mime as never) : undefined;
  if (!detected || !kind) return { ok: false, code: "fileTypeNotAllowed" };
  return { ok: true, contentType: detected.mime, kind, extension: detected.ext };
}

/** A name safe to show and to put in a download header: no path, no control characters. */
export function cleanFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 150);
  return base || `lampiran.${extension}`;
}

export type UploadResult = SaveResult | { ok: false; reason: "invalid"; code: ValidationCode };

/**
 * Stores an evidence file and adds it to the practice as a new revision (so it is reviewed
 * like any other change). The bytes are stored first; on a conflict their row is not kept.
 */
export async function uploadAttachment(input: {
  practiceId: number;
  baseVersion: number;
  fileName: string;
  bytes: Uint8Array;
  actorId: number;
  ip: string;
}): Promise<UploadResult> {
  const check = await checkAttachmentContent(input.bytes);
  if (!check.ok) return { ok: false, reason: "invalid", code: check.code };
  const storageKey = `practices/${input.practiceId}/${randomUUID()}.${check.extension}`;
  await attachmentStorage().put(storageKey, input.bytes, check.contentType);
  const rollback = new Error("attachment not added");
  let result: SaveResult | undefined;
  try {
    await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(practiceAttachments)
        .values({
          practiceId: input.practiceId,
          storageKey,
          kind: check.kind,
          contentType: check.contentType,
          fileName: cleanFileName(input.fileName, check.extension),
          byteSize: input.bytes.byteLength,
          sha256: createHash("sha256").update(input.bytes).digest("hex"),
          uploadedById: input.actorId,
        })
        .returning({ id: practiceAttachments.id });
      result = await changeAttachments({ ...input, add: row!.id }, tx);
      if (!result.ok) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return result!;
}

/**
 * The file, if this viewer may see it: anyone when the published revision shows it, the
 * region's editors and curators for files of unpublished revisions.
 */
export async function readAttachment(attachmentId: number, viewer: Actor | null) {
  const attachment = await db().query.practiceAttachments.findFirst({ where: eq(practiceAttachments.id, attachmentId) });
  if (!attachment) return null;
  const practice = await getPracticeHeader(attachment.practiceId);
  if (!practice) return null;
  let visible = canSeeWorkingCopy(viewer, practice);
  if (!visible && isPublic(practice)) {
    const published = await db().query.practiceRevisions.findFirst({
      where: eq(practiceRevisions.id, practice.publishedRevisionId!),
      columns: { attachmentIds: true },
    });
    visible = published?.attachmentIds.includes(attachment.id) ?? false;
  }
  if (!visible) return null;
  const bytes = await attachmentStorage().get(attachment.storageKey);
  return bytes ? { ...attachment, bytes } : null;
}
