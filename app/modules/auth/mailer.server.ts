import nodemailer from "nodemailer";
import { serverEnv } from "../env.server";
import { errorMessage } from "../error-message";

/**
 * Sends mail through SMTP_URL when it is configured. Without it (or when the server refuses),
 * nothing is sent and nothing fails: the inviter always sees the link to pass on themselves.
 */
export async function sendMail(message: { to: string; subject: string; text: string; replyTo?: { name: string; address: string } }): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = serverEnv();
  if (!SMTP_URL) return false;
  try {
    const transport = nodemailer.createTransport(SMTP_URL);
    await transport.sendMail({ from: MAIL_FROM, ...message });
    return true;
  } catch (error) {
    console.error(`[idsl] mail to ${message.to} not sent: ${errorMessage(error)}`);
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
