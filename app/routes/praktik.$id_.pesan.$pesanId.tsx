import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/modules/auth";
import { requireUser } from "~/modules/auth/guards.server";
import { parseRecordNumber } from "~/modules/forms/form-data";
import { pageMeta } from "~/modules/http/page-meta";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import { getContactMessage } from "~/modules/practices/index.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/**
 * A message sent to a region through IDSL ("Hubungi melalui IDSL"), where its notification
 * leads: for the region's editors and Kemendagri only. Anyone else, and a message id of another
 * practice, gets a 404, as if it did not exist.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [practiceId, messageId] = [parseRecordNumber(params.id ?? null), parseRecordNumber(params.pesanId ?? null)];
  const message = practiceId === null || messageId === null ? null : await getContactMessage(practiceId, messageId);
  if (!message || !can(user, { action: "contactMessage.read", regionCode: message.regionCode })) throw new Response(null, { status: 404 });
  const { t } = await translatorForRequest(request);
  return { title: t("contactPrivacy.received.title", { name: message.senderName }), practiceId, message };
}

export default function ContactMessage() {
  const { title, practiceId, message } = useLoaderData<typeof loader>();
  const { t, formatDateTime } = useExtraTranslator();
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <p className="text-sm">
        <Link to="/kotak-masuk">← {t("contactPrivacy.received.backToInbox")}</Link>
      </p>
      <h1 className="text-3xl font-bold">{title}</h1>
      <dl className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">{t("contactPrivacy.practice")}</dt>
        <dd>
          <Link to={`/praktik/${practiceId}`}>{message.title}</Link> — {message.regionName}
        </dd>
        <dt className="font-medium">{t("contactPrivacy.received.from")}</dt>
        <dd>
          {message.senderName} &lt;{message.senderEmail}&gt;
        </dd>
        <dt className="font-medium">{t("contactPrivacy.purpose")}</dt>
        <dd>{t(`contactPrivacy.purposes.${message.purpose}`)}</dd>
        <dt className="font-medium">{t("contactPrivacy.received.sentAt")}</dt>
        <dd>
          <time dateTime={new Date(message.createdAt).toISOString()}>{formatDateTime(message.createdAt)}</time>
        </dd>
      </dl>
      <blockquote className="whitespace-pre-line rounded-md border border-slate-200 bg-slate-50 p-4">{message.body}</blockquote>
      <p>
        {/* The address is the sender's own, checked by the form for line breaks: a mailto link cannot carry extra headers. */}
        <a href={`mailto:${encodeURIComponent(message.senderEmail)}`} className="font-semibold underline">
          {t("contactPrivacy.received.reply", { name: message.senderName })}
        </a>
      </p>
      <p className="text-sm text-slate-600">{t("contactPrivacy.received.privacy")}</p>
    </div>
  );
}
