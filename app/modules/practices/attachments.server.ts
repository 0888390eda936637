import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { practiceAttachments, practiceRevisions } from "../../../db/schema";
import type { Actor } from "../auth/permissions";
import { db } from "../db.server";
import { checkUploadedFile, cleanFileName } from "../files/uploads.server";
import { attachmentStorage } from "../files/storage.server";
import type { ValidationCode } from "../forms/form-data";
import { canSeeWorkingCopy, changeAttachments, getPracticeHeader, isPublic, type SaveResult } from "./practices.server";

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
  const check = await checkUploadedFile(input.bytes, ["image", "pdf"]);
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
