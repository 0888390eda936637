import { eq } from "drizzle-orm";
import { practiceAttachments, practiceRevisions } from "../../../db/schema";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { attachmentStorage } from "../files/index.server";
import { checkUploadedFile, storeUpload, type UploadRefusal } from "../files/index.server";
import { changeAttachments, type SaveResult } from "./practice-commands.server";
import { canSeeWorkingCopy } from "./practice-guards.server";
import { getPracticeHeader } from "./practice-queries.server";
import { isPublic } from "./workflow";

export type UploadResult = SaveResult | UploadRefusal;

/**
 * Stores an evidence file and adds it to the practice as a new revision (so it is reviewed
 * like any other change). A refused upload (a conflict, the region's quota) keeps no bytes.
 */
export async function uploadAttachment(input: {
  practiceId: number;
  baseVersion: number;
  fileName: string;
  bytes: Uint8Array;
  actorId: number;
  ip: string;
  formToken?: string | null;
}): Promise<UploadResult> {
  const accepted = await checkUploadedFile(input.bytes, ["image", "pdf"]);
  if (!accepted.ok) return accepted;
  const practice = await getPracticeHeader(input.practiceId);
  if (!practice) return { ok: false, reason: "not_editable" };
  return storeUpload({
    regionCode: practice.regionCode,
    keyPrefix: `practices/${practice.id}`,
    fileName: input.fileName,
    bytes: input.bytes,
    accepted,
    commit: (tx, file) => changeAttachments({ ...input, add: { ...file, uploadedById: input.actorId } }, tx),
  });
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
