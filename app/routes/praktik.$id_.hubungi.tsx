import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocalizedText } from "~/components/practices/localized-text";
import { Alert, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { currentUser } from "~/modules/auth/guards.server";
import type { FormResult } from "~/modules/forms/form-data";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";
// Field names come from the browser-safe module: a .server module is empty in the browser.
import { CONTACT_MESSAGE_LIMITS, CONTACT_MESSAGE_PURPOSES, CONTACT_TOKEN_FIELD, CONTACT_TRAP_FIELD } from "~/modules/practices/contact";
import { type ContactMessageInput, contactMessageSchema, filledTrap } from "~/modules/practices/contact-message-form.server";
import { newContactFormToken, storeContactMessage } from "~/modules/practices/contact-messages.server";
import { getPracticeRegion, getRevision, practiceFromParams } from "~/modules/practices/index.server";
import { isPublic } from "~/modules/practices/workflow";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** A published practice, or 404: nobody writes to a region about a practice the public cannot read. */
async function publicPractice(id: string | undefined) {
  const practice = await practiceFromParams(id);
  if (!isPublic(practice)) throw new Response(null, { status: 404 });
  return practice;
}

/**
 * "Hubungi melalui IDSL": a message to the people managing a practice, for visitors and signed-in
 * officials alike, instead of the contact person's details (which stay private).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const practice = await publicPractice(params.id);
  const [revision, region, user, { t }] = await Promise.all([
    getRevision(practice.publishedRevisionId!),
    getPracticeRegion(practice.regionCode),
    currentUser(request, context),
    translatorForRequest(request),
  ]);
  if (!revision || !region) throw new Response(null, { status: 404 });
  return {
    title: t("contactPrivacy.pageTitle", { title: revision.title }),
    // Only what the page names: never the revision's contact.
    practice: { id: practice.id, title: revision.title, titleEn: revision.titleEn, leadOpd: revision.leadOpd },
    region: { code: region.code, name: region.name },
    // A new token for every form shown: one message per token, however often it is posted.
    formToken: newContactFormToken(),
    sender: user ? { name: user.name, email: user.email } : null,
    sent: requestQuery(request).get("terkirim") === "1",
  };
}

type ContactFormResult = Extract<FormResult<ContactMessageInput>, { ok: false }>;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const practice = await publicPractice(params.id);
  const user = await currentUser(request, context);
  const form = await readForm(request);
  const sentPage = `/praktik/${practice.id}/hubungi?terkirim=1`;
  // A bot that filled the hidden field is told the same as a person, and nothing is stored or sent.
  if (filledTrap(form)) return redirect(sentPage);
  const parsed = parseForm(contactMessageSchema, form);
  if (!parsed.ok) return data(parsed satisfies ContactFormResult, { status: 400 });
  await requireWithinLimit(context, "contactMessage", user?.id ?? `email:${parsed.data.email}`);
  // The region's editors are notified with the message stored: a double submit finds it stored and notifies nobody again.
  await storeContactMessage({ practice, message: parsed.data, senderUserId: user?.id ?? null });
  return redirect(sentPage);
}

export default function ContactThroughIdsl() {
  const { practice, region, formToken, sender, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ContactFormResult | undefined;
  const { t, formatNumber } = useExtraTranslator();
  const localized = useLocalizedText();
  const title = localized(practice.title, practice.titleEn);
  const values = result?.values ?? {};
  const errors = result?.errors ?? {};
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link to={`/praktik/${practice.id}`}>← {t("contactPrivacy.backToPractice")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t("contactPrivacy.heading")}</h1>
      <dl className="mt-4 space-y-2">
        <div>
          <dt className="text-sm font-semibold text-slate-700">{t("contactPrivacy.practice")}</dt>
          <dd lang={title.lang}>
            <Link to={`/praktik/${practice.id}`}>{title.text}</Link> — {region.name}
          </dd>
        </div>
        {practice.leadOpd ? (
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t("contactPrivacy.opd")}</dt>
            <dd>{practice.leadOpd}</dd>
          </div>
        ) : null}
      </dl>
      {sent ? (
        <div className="mt-6 space-y-3">
          <Alert tone="success">{t("contactPrivacy.sent")}</Alert>
          <p>
            <Link to={`/praktik/${practice.id}/hubungi`}>{t("contactPrivacy.sendAnother")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="mt-4 text-slate-700">{t("contactPrivacy.lead", { region: region.name })}</p>
          <Form method="post" className="mt-6 space-y-4" noValidate>
            {Object.keys(errors).length > 0 ? <Alert tone="error">{t("validation.formHasErrors")}</Alert> : null}
            {errors[CONTACT_TOKEN_FIELD] ? <Alert tone="error">{t("validation.formExpired")}</Alert> : null}
            <input type="hidden" name={CONTACT_TOKEN_FIELD} value={formToken} />
            <TextField
              name="name"
              label={t("contactPrivacy.name")}
              defaultValue={values.name ?? sender?.name}
              error={errors.name}
              autoComplete="name"
              maxLength={CONTACT_MESSAGE_LIMITS.name}
              required
            />
            <TextField
              name="email"
              type="email"
              label={t("contactPrivacy.email")}
              hint={t("contactPrivacy.emailHint")}
              defaultValue={values.email ?? sender?.email}
              error={errors.email}
              autoComplete="email"
              maxLength={CONTACT_MESSAGE_LIMITS.email}
              required
            />
            <SelectField name="purpose" label={t("contactPrivacy.purpose")} defaultValue={values.purpose ?? ""} error={errors.purpose}>
              <option value="">{t("contactPrivacy.choosePurpose")}</option>
              {CONTACT_MESSAGE_PURPOSES.map((purpose) => (
                <option key={purpose} value={purpose}>
                  {t(`contactPrivacy.purposes.${purpose}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              name="body"
              label={t("contactPrivacy.message")}
              hint={t("contactPrivacy.messageHint", { max: formatNumber(CONTACT_MESSAGE_LIMITS.body) })}
              defaultValue={values.body}
              error={errors.body}
              rows={8}
            />
            {/* Hidden from people (and from assistive technology); bots that fill every field fill this one. */}
            <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
              <label htmlFor={CONTACT_TRAP_FIELD}>{t("contactPrivacy.trap")}</label>
              <input id={CONTACT_TRAP_FIELD} name={CONTACT_TRAP_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("contactPrivacy.send")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
