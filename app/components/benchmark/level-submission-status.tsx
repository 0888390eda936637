import { Badge, type BadgeTone } from "~/components/ui/badge";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

const statusTone: Record<string, BadgeTone> = { submitted: "warning", returned: "danger", verified: "success", superseded: "neutral" };

export interface SubmissionSummary {
  id: number;
  year: number;
  status: "submitted" | "returned" | "verified" | "superseded";
  submittedAt: string | Date;
  submittedBy: string;
  reviewedAt: string | Date | null;
  reviewNote: string;
  reportFileName: string;
}

/** One submission of levels from an evaluation report: year, status, who and when, the curator's note. */
export function LevelSubmissionStatus({ submission }: { submission: SubmissionSummary }) {
  const { t, formatDate } = useExtraTranslator();
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{submission.year}</span>
        <Badge tone={statusTone[submission.status] ?? "neutral"}>{t(`levelReports.status.${submission.status}`)}</Badge>
        <span className="text-slate-600">{t("levelReports.submittedBy", { name: submission.submittedBy, date: formatDate(submission.submittedAt) })}</span>
        <a href={`/laporan-evaluasi/${submission.id}`}>{submission.reportFileName}</a>
      </p>
      {submission.reviewNote ? (
        <p className="text-slate-700">
          {t("levelReports.reviewNote")}: {submission.reviewNote}
        </p>
      ) : null}
    </div>
  );
}
