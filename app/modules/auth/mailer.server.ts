import nodemailer from "nodemailer";
import { serverEnv } from "../env.server";
import { errorMessage } from "../error-message";
import { log } from "../log.server";

export interface MailMessage {
  to: string | { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
  replyTo?: { name: string; address: string };
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** A stable id, so a mail server or client can tell a resend from a new message. */
  messageId?: string;
}

/** Thrown for a message that would smuggle headers: a line break in an address, a name, the subject or a header. */
export class UnsafeMailHeaderError extends Error {
  override name = "UnsafeMailHeaderError";
}

const LINE_BREAK = /[\r\n]/;

function headerValues(message: MailMessage): string[] {
  const addresses = [message.to, message.replyTo].flatMap((value) => (value === undefined ? [] : typeof value === "string" ? [value] : [value.name, value.address]));
  return [...addresses, message.subject, message.messageId ?? "", ...Object.entries(message.headers ?? {}).flat()];
}

/**
 * Sends through SMTP_URL and fails loudly (a job retries it). Returns false when no SMTP_URL is
 * configured: there is nowhere to send, which is not a failure.
 */
export async function deliverMail(message: MailMessage): Promise<boolean> {
  if (headerValues(message).some((value) => LINE_BREAK.test(value))) throw new UnsafeMailHeaderError("a mail header value contains a line break");
  const { SMTP_URL, MAIL_FROM } = serverEnv();
  if (!SMTP_URL) return false;
  const transport = nodemailer.createTransport(SMTP_URL);
  try {
    await transport.sendMail({ from: MAIL_FROM, ...message });
  } finally {
    transport.close();
  }
  return true;
}

/**
 * Sends mail through SMTP_URL when it is configured. Without it (or when the server refuses),
 * nothing is sent and nothing fails: the inviter always sees the link to pass on themselves.
 */
export async function sendMail(message: MailMessage): Promise<boolean> {
  try {
    return await deliverMail(message);
  } catch (error) {
    log.error({ to: typeof message.to === "string" ? message.to : message.to.address, error: errorMessage(error) }, "mail not sent");
    return false;
  }
}

export function invitationMail(input: { to: string; link: string; inviterName: string }) {
  return {
    to: input.to,
    subject: "Undangan ke IDSL / Invitation to IDSL",
    text: [
      `${input.inviterName} mengundang Anda ke Indonesia Digital Services Living Lab (IDSL).`,
      `Buka tautan ini dalam 7 hari untuk membuat akun: ${input.link}`,
      "",
      `${input.inviterName} invited you to the Indonesia Digital Services Living Lab (IDSL).`,
      `Open this link within 7 days to create your account: ${input.link}`,
    ].join("\n"),
  };
}
