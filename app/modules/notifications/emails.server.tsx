/**
 * Notification emails, rendered with react-dom/server (decision 0026): the HTML part is a small
 * React tree, so every value from users (titles, names) is escaped by React, and the text part
 * says the same in plain lines. Both in the recipient's language.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { MailMessage } from "../auth/index.server";
import { configuredAppUrl } from "../http/app-url.server";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/translator.server";
import type { DigestPeriod, NotificationKind } from "./kinds";
import { notificationText } from "./message";
import { unsubscribePath, type UnsubscribeTarget } from "./unsubscribe.server";

export interface Recipient {
  id: number;
  name: string;
  email: string;
  language: Locale;
}

export interface EmailedNotification {
  kind: NotificationKind;
  actorName: string | null;
  link: string;
  payload: Record<string, string | number>;
  createdAt: Date;
}

interface Line {
  text: string;
  url: string;
}

interface EmailContent {
  language: Locale;
  greeting: string;
  lead: string | null;
  lines: Line[];
  more: Line | null;
  footer: Line[];
}

function EmailBody({ language, greeting, lead, lines, more, footer }: EmailContent) {
  return (
    <html lang={language}>
      <body style={{ fontFamily: "Arial, sans-serif", color: "#0f172a", lineHeight: 1.5 }}>
        <p>{greeting}</p>
        {lead ? <p>{lead}</p> : null}
        <ul>
          {lines.map((line, index) => (
            <li key={index}>
              <a href={line.url}>{line.text}</a>
            </li>
          ))}
        </ul>
        {more ? (
          <p>
            <a href={more.url}>{more.text}</a>
          </p>
        ) : null}
        <hr />
        <p style={{ fontSize: "12px", color: "#475569" }}>
          {footer.map((line, index) => (
            <span key={index}>
              <a href={line.url}>{line.text}</a>
              <br />
            </span>
          ))}
        </p>
      </body>
    </html>
  );
}

function compose(
  recipient: Recipient,
  target: UnsubscribeTarget,
  content: { subject: string; lead: string | null; lines: Line[]; more: Line | null; messageId: string },
): MailMessage {
  const { t } = translatorFor(recipient.language);
  const unsubscribeUrl = configuredAppUrl(unsubscribePath(recipient.id, target));
  const footer: Line[] = [
    { text: t("notificationEmail.unsubscribe"), url: unsubscribeUrl },
    { text: t("notificationEmail.settings"), url: configuredAppUrl("/akun/notifikasi") },
  ];
  const greeting = t("notificationEmail.greeting", { name: recipient.name });
  const html = `<!doctype html>${renderToStaticMarkup(
    <EmailBody language={recipient.language} greeting={greeting} lead={content.lead} lines={content.lines} more={content.more} footer={footer} />,
  )}`;
  const text = [
    greeting,
    "",
    ...(content.lead ? [content.lead, ""] : []),
    ...content.lines.flatMap((line) => [`- ${line.text}`, `  ${line.url}`]),
    ...(content.more ? ["", content.more.text, content.more.url] : []),
    "",
    "--",
    ...footer.flatMap((line) => [line.text, line.url]),
  ].join("\n");
  return {
    to: { name: recipient.name, address: recipient.email },
    subject: content.subject,
    text,
    html,
    messageId: content.messageId,
    // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that posts to the link.
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

const lineOf = (t: ReturnType<typeof translatorFor>["t"], notification: EmailedNotification): Line => ({
  text: notificationText(t, notification),
  url: configuredAppUrl(notification.link),
});

/** The email of one notification, sent at once. `emailId` makes its Message-ID stable across retries. */
export function immediateEmail(recipient: Recipient, notification: EmailedNotification, emailId: number): MailMessage {
  const { t } = translatorFor(recipient.language);
  const line = lineOf(t, notification);
  return compose(recipient, notification.kind, {
    subject: `IDSL: ${line.text}`,
    lead: null,
    lines: [line],
    more: null,
    messageId: `<notification-email-${emailId}@idsl>`,
  });
}

/** A period's digest: the newest notifications (at most DIGEST_LIST_LIMIT) and the total, with a link to the inbox. */
export function digestEmail(recipient: Recipient, period: DigestPeriod, listed: EmailedNotification[], total: number, emailId: number): MailMessage {
  const { t } = translatorFor(recipient.language);
  const rest = total - listed.length;
  return compose(recipient, period, {
    subject: t(`notificationEmail.subject.${period}`, { count: total }),
    lead: t("notificationEmail.digestLead", { count: total }),
    lines: listed.map((notification) => lineOf(t, notification)),
    more: { text: rest > 0 ? t("notificationEmail.more", { count: rest }) : t("notificationEmail.openInbox"), url: configuredAppUrl("/kotak-masuk") },
    messageId: `<notification-email-${emailId}@idsl>`,
  });
}
