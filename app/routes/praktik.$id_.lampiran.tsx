import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AttachmentList } from "~/components/practices/attachment-list";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import { UploadProgress, uploadWithProgress } from "~/components/ui/upload-progress";
import { type FieldError, parseRecordNumber } from "~/modules/forms/form-data";
import { readFormToken } from "~/modules/forms/form-token";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { MAX_UPLOAD_BYTES } from "~/modules/files/uploads.server";
import { uploadAttachment } from "~/modules/practices/attachments.server";
import { changeAttachments, getRevision, requirePracticeWriter, type SaveResult } from "~/modules/practices/index.server";
import { validationMessage } from "~/modules/forms/validation-message";
import { readUploadForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { practice } = await requirePracticeWriter(request, context, params.id);
  const [revision, { t }] = await Promise.all([getRevision(practice.latestRevisionId), translatorForRequest(request)]);
  if (!revision) throw new Response(null, { status: 404 });
  return {
    title: t("attachments.title"),
    practice: { id: practice.id, title: revision.title, version: practice.version, editable: practice.state !== "archived" },
    attachments: revision.attachments,
  };
}

type ActionResult = { ok: true; added: boolean } | ({ ok: false; currentVersion: number | null } & FieldError);

function failure(saved: Exclude<SaveResult, { ok: true }>): ActionResult {
  return saved.reason === "conflict"
    ? { ok: false, code: "conflict", currentVersion: saved.currentVersion }
    : { ok: false, code: "decisionNotAllowed", currentVersion: null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { practice, user } = await requirePracticeWriter(request, context, params.id);
  await requireWithinLimit(context, "upload", user.id);
  const form = await readUploadForm(request, MAX_UPLOAD_BYTES);
  if (!form) return data({ ok: false, code: "fileTooLarge", currentVersion: null } satisfies ActionResult, { status: 413 });
  const baseVersion = parseRecordNumber(form.get("version")) ?? -1;
  const change = { practiceId: practice.id, baseVersion, actorId: user.id, ip: context.clientIp, formToken: readFormToken(form) };
  if (form.get("intent") === "remove") {
    const saved = await changeAttachments({ ...change, remove: parseRecordNumber(form.get("attachmentId")) ?? 0 });
    return saved.ok ? ({ ok: true, added: false } satisfies ActionResult) : data(failure(saved), { status: 409 });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data({ ok: false, code: "fileRequired", currentVersion: null } satisfies ActionResult, { status: 400 });
  const uploaded = await uploadAttachment({ ...change, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (uploaded.ok) return { ok: true, added: true } satisfies ActionResult;
  if ("error" in uploaded) return data({ ok: false, ...uploaded.error, currentVersion: null } satisfies ActionResult, { status: 400 });
  return data(failure(uploaded), { status: 409 });
}

/** With JavaScript, the upload shows its progress (decision 0027). */
export const clientAction = uploadWithProgress;

export default function PracticeAttachments() {
  const { practice, attachments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  const version = (result && !result.ok ? result.currentVersion : null) ?? practice.version;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to={`/praktik/${practice.id}/tinjauan`}>← {practice.title}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("attachments.title")}</h1>
        <p className="mt-1 text-slate-700">{t("attachments.lead")}</p>
      </div>
      {result?.ok ? <Alert tone="success">{t(result.added ? "attachments.added" : "attachments.removed")}</Alert> : null}
      {result && !result.ok ? <Alert tone="error">{validationMessage(translator, result)}</Alert> : null}
      <Panel id="current" title={t("attachments.current")}>
        <AttachmentList
          attachments={attachments}
          renderAction={(attachment) =>
            practice.editable ? (
              <SubmitForm method="post" encType="multipart/form-data">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="version" value={version} />
                <input type="hidden" name="attachmentId" value={attachment.id} />
                <SubmitButton className="text-sm font-semibold text-red-700 underline">
                  {t("attachments.remove", { name: attachment.fileName })}
                </SubmitButton>
              </SubmitForm>
            ) : null
          }
        />
      </Panel>
      {practice.editable ? (
        <Panel id="upload" title={t("attachments.upload")}>
          <SubmitForm method="post" encType="multipart/form-data" className="mt-3 space-y-4" resetOnSuccess>
            <input type="hidden" name="version" value={version} />
            <div>
              <label htmlFor="file" className="block text-sm font-medium">
                {t("attachments.file")}
              </label>
              <input
                id="file"
                name="file"
                type="file"
                required
                accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
                aria-describedby="file-hint"
                className="mt-1 block w-full text-sm"
              />
              <p id="file-hint" className="mt-1 text-sm text-slate-600">
                {t("attachments.fileHint")}
              </p>
            </div>
            <UploadProgress />
            <SubmitButton className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("attachments.uploadButton")}
            </SubmitButton>
          </SubmitForm>
        </Panel>
      ) : null}
    </div>
  );
}
