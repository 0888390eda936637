import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent: headers and body. */
  raw: string;
}

/**
 * A real SMTP server in the test process, on a loopback port (by default a free one): mail the app
 * sends through SMTP_URL arrives here over the network, as it would at a mail server. No TLS, no auth.
 * `refuse`: asked for each message; true answers it with a temporary failure (451) and keeps nothing.
 * `onReceived`: called with each message kept, before the sender is told it was accepted.
 */
export async function startSmtpReceiver(options: { refuse?: () => boolean; port?: number; onReceived?: (mail: ReceivedMail) => void } = {}) {
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
        const mail = {
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        };
        received.push(mail);
        options.onReceived?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
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
 * quoted-printable parts decoded, so tests can match what was written. Only the header block is
 * unfolded: in a body, a line break before a space can be a quoted-printable soft break.
 */
export function readableMail(raw: string): string {
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const [headers, body] = headerEnd < 0 ? [raw, ""] : [raw.slice(0, headerEnd), raw.slice(headerEnd)];
  return quotedPrintable(
    headers
      .replace(/\r?\n[ \t]+/g, " ")
      .replace(/\?=\s+=\?/g, "?==?")
      .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_match, word: string) => word.replace(/_/g, "=20")) + body,
  );
}
