import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/modules/forms/form-data";
import { validationMessage } from "~/modules/forms/validation-message";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

export interface RequestRow {
  id: number;
  applicationId: number;
  applicationName: string;
  requesterRegionCode: string;
  requesterRegionName: string;
  requestedByName: string;
  purpose: string;
  contact: string;
  sourceTitle: string | null;
  adopterTitle: string | null;
  adopterPracticeId: number | null;
  status: "pending" | "approved" | "declined";
  decisionNote: string;
  createdAt: Date | string;
  canDecide: boolean;
}

export type DecisionFormResult = { ok: false; requestId: number; errors: FieldErrors; values: Record<string, string> };

const STATUS_TONE = { pending: "warning", approved: "success", declined: "neutral" } as const;

/** Application requests with their status; the owner's editors decide pending ones here. */
export function RequestList({ requests, result, showApplication = false }: { requests: RequestRow[]; result?: DecisionFormResult; showApplication?: boolean }) {
  const translator = useWorkspaceTranslator();
  const { t, formatDate } = translator;
  if (requests.length === 0) return <p className="mt-2 text-sm text-slate-600">{t("appCatalog.requestsNone")}</p>;
  return (
    <ul className="mt-3 space-y-4">
      {requests.map((request) => {
        const errors = result?.requestId === request.id ? result.errors : {};
        return (
          <li key={request.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t("appCatalog.requestFrom", { region: request.requesterRegionName, application: request.applicationName })}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-semibold">
                <Link to={`/daerah/${request.requesterRegionCode}`}>{request.requesterRegionName}</Link>
                {showApplication ? (
                  <>
                    {" → "}
                    <Link to={`/aplikasi/${request.applicationId}`}>{request.applicationName}</Link>
                  </>
                ) : null}
              </p>
              <Badge tone={STATUS_TONE[request.status]}>{t(`appCatalog.status.${request.status}`)}</Badge>
            </div>
            <p className="mt-1 text-slate-600">{t("appCatalog.requestedBy", { name: request.requestedByName, date: formatDate(request.createdAt) })}</p>
            <p className="mt-2 whitespace-pre-line">{request.purpose}</p>
            <p className="mt-2">
              {t("appCatalog.contact")}: {request.contact}
            </p>
            {request.adopterTitle && request.sourceTitle ? (
              <p className="mt-1">{t("appCatalog.adoption", { adopter: request.adopterTitle, source: request.sourceTitle })}</p>
            ) : null}
            {request.decisionNote ? (
              <p className="mt-1">
                {t("appCatalog.decisionNote")}: {request.decisionNote}
              </p>
            ) : null}
            {request.canDecide ? (
              <SubmitForm method="post" action={`/aplikasi/${request.applicationId}`} className="mt-3 space-y-3">
                <input type="hidden" name="requestId" value={request.id} />
                {errors.form ? <Alert tone="error">{validationMessage(translator, errors.form)}</Alert> : null}
                <TextField name="note" id={`note-${request.id}`} label={t("appCatalog.note")} defaultValue={result?.requestId === request.id ? result.values.note : ""} error={errors.note} />
                <div className="flex flex-wrap gap-3">
                  <SubmitButton name="decision" value="approve">
                    {t("appCatalog.approve")}
                  </SubmitButton>
                  <SubmitButton name="decision" value="decline" tone="danger">
                    {t("appCatalog.decline")}
                  </SubmitButton>
                </div>
              </SubmitForm>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
