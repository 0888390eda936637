import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent: headers and body. */
  raw: string;
}

/**
 * A real SMTP server in the test process, on a free loopback port: mail the app sends through
 * SMTP_URL arrives here over the network, as it would at a mail server. No TLS, no auth.
 * `refuse`: asked for each message; true answers it with a temporary failure (451) and keeps nothing.
 */
export async function startSmtpReceiver(options: { refuse?: () => boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (options.refuse?.()) {
          callback(Object.assign(new Error("try again later"), { responseCode: 451 }));
          return;
        }
        const envelope = session.envelope;
        received.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function quotedPrintable(text: string): string {
  const latin1 = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin1, "latin1").toString("utf8");
}

/**
 * A received message as a reader sees it: headers unfolded with their encoded words decoded,
 * quoted-printable parts decoded, so tests can match what was written.
 */
export function readableMail(raw: string): string {
  return quotedPrintable(
    raw
      .replace(/\r?\n[ \t]+/g, " ")
      .replace(/\?=\s+=\?/g, "?==?")
      .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_match, word: string) => word.replace(/_/g, "=20")),
  );
}
