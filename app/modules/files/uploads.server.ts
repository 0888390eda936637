import { fileTypeFromBuffer } from "file-type";
import type { ValidationCode } from "../forms/form-data";

/** Largest evidence file accepted (a scanned report, a photo). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** What we accept, by the type detected from the bytes (never the name or the browser's claim). */
const acceptedTypes = new Map([
  ["image/jpeg", "image"],
  ["image/png", "image"],
  ["image/webp", "image"],
  ["image/gif", "image"],
  ["application/pdf", "pdf"],
] as const);

export type UploadKind = "image" | "pdf";

export type UploadCheck = { ok: true; contentType: string; kind: UploadKind; extension: string } | { ok: false; code: ValidationCode };

/** Whether the bytes are a file of one of the allowed kinds, by content, within the size limit. */
export async function checkUploadedFile(bytes: Uint8Array, allowed: readonly UploadKind[]): Promise<UploadCheck> {
  if (bytes.byteLength === 0) return { ok: false, code: "fileRequired" };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, code: "fileTooLarge" };
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected ? acceptedTypes.get(detected.mime as never) : undefined;
  if (!detected || !kind || !allowed.includes(kind)) return { ok: false, code: allowed.includes("image") ? "fileTypeNotAllowed" : "pdfRequired" };
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
