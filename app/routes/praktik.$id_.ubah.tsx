import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PracticeForm } from "~/components/practices/practice-form";
import { Alert } from "~/components/ui/form";
import { getFrameworkTree, SPBE_2020 } from "~/modules/frameworks/frameworks.server";
import { localeFromRequest, translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { formValuesFromContent } from "~/modules/practices/practice-content";
import { type EditorResult, readEditorSubmission } from "~/modules/practices/practice-editor.server";
import { getContactConsent, getRevision, requirePracticeWriter, savePracticeRevision } from "~/modules/practices/index.server";
import { readFormToken } from "~/modules/forms/form-token";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { practice } = await requirePracticeWriter(request, context, params.id);
  const [revision, tree, { t, locale }] = await Promise.all([getRevision(practice.latestRevisionId), getFrameworkTree(SPBE_2020), translatorForRequest(request)]);
  if (!revision) throw new Response(null, { status: 404 });
  const consent = await getContactConsent(practice.id, revision.contact);
  const values = formValuesFromContent(revision, locale);
  return {
    title: t("practiceForm.editTitle", { title: revision.title }),
    practice: { id: practice.id, state: practice.state, version: practice.version, published: practice.publishedRevisionId !== null },
    // The box stays ticked for a contact whose consent is recorded; unticking it asks to clear the contact.
    values: { ...values, text: { ...values.text, contactConsent: consent ? "on" : "" } },
    savedContactConsent: revision.contact === "" ? undefined : consent,
    groups: tree.groups,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { practice, user } = await requirePracticeWriter(request, context, params.id);
  await requireWithinLimit(context, "practiceEdit", user.id);
  const form = await readForm(request);
  const submission = await readEditorSubmission(form, await localeFromRequest(request));
  if (!submission.ready) return data(submission.result, { status: submission.status });
  const saved = await savePracticeRevision({
    practiceId: practice.id,
    baseVersion: submission.version,
    content: submission.content,
    contactConsent: submission.contactConsent,
    submit: submission.submit,
    actorId: user.id,
    ip: context.clientIp,
    formToken: readFormToken(form),
  });
  if (!saved.ok) {
    const result: EditorResult = {
      values: submission.values,
      errors: saved.reason === "conflict" ? {} : { form: { code: "decisionNotAllowed" } },
      previewHtml: null,
      currentVersion: saved.reason === "conflict" ? saved.currentVersion : null,
    };
    return data(result, { status: 409 });
  }
  return redirect(`/praktik/${practice.id}/tinjauan?disimpan=1`);
}

export default function EditPractice() {
  const { practice, values, savedContactConsent, groups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as EditorResult | undefined;
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  const conflict = typeof result?.currentVersion === "number";
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/praktik/${practice.id}/tinjauan`}>← {t("review.title")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("practiceForm.editHeading")}</h1>
      {practice.state === "published" ? <p className="mt-2 text-slate-700">{t("practiceForm.publishedNote")}</p> : null}
      <p className="mt-2 text-sm text-slate-700">
        {t("practiceForm.attachmentsElsewhere")} <Link to={`/praktik/${practice.id}/lampiran`}>{t("attachments.title")}</Link>
      </p>
      {practice.state === "archived" ? (
        <div className="mt-6">
          <Alert tone="info">{t("practiceForm.archived")}</Alert>
        </div>
      ) : (
        <PracticeForm
          values={result?.values ?? values}
          errors={result?.errors ?? {}}
          // After a conflict the kept text is re-based on the newest revision (single fetch does
          // not revalidate loaders after a 4xx), so the next save goes through deliberately.
          version={result?.currentVersion ?? practice.version}
          groups={groups}
          previewHtml={result?.previewHtml ?? null}
          savedContactConsent={savedContactConsent}
          notice={
            conflict ? (
              <Alert tone="error">
                {t("validation.conflict")}{" "}
                <Link to={`/praktik/${practice.id}/riwayat`} target="_blank">
                  {t("practiceForm.seeHistory")}
                </Link>
              </Alert>
            ) : result?.errors.form ? (
              <Alert tone="error">{validationMessage(translator, result.errors.form)}</Alert>
            ) : null
          }
        />
      )}
    </div>
  );
}
