import type { ReactNode } from "react";
import { useTranslator } from "~/modules/i18n/use-translator";

export interface AttachmentSummary {
  id: number;
  kind: "image" | "pdf";
  fileName: string;
  byteSize: number;
}

/** Evidence files: images shown, PDFs listed with their size. */
export function AttachmentList({ attachments, renderAction }: { attachments: AttachmentSummary[]; renderAction?: (attachment: AttachmentSummary) => ReactNode }) {
  const { t, formatNumber } = useTranslator();
  if (attachments.length === 0) return <p className="mt-2 text-slate-600">{t("attachments.none")}</p>;
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`
      : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return (
    <ul className="mt-3 grid gap-4 sm:grid-cols-2">
      {attachments.map((attachment) => {
        const href = `/lampiran/${attachment.id}/${encodeURIComponent(attachment.fileName)}`;
        return (
          <li key={attachment.id} className="rounded-md border border-slate-200 p-3">
            {attachment.kind === "image" ? (
              <a href={href}>
                <img src={href} alt={attachment.fileName} loading="lazy" className="max-h-48 w-full rounded object-contain" />
              </a>
            ) : null}
            <p className="mt-2 text-sm">
              <a href={href} className="font-medium">
                {attachment.fileName}
              </a>{" "}
              <span className="text-slate-600">
                ({attachment.kind === "pdf" ? "PDF" : t("attachments.image")}, {size(attachment.byteSize)})
              </span>
            </p>
            {renderAction?.(attachment)}
          </li>
        );
      })}
    </ul>
  );
}
