/**
 * The end-to-end demo site's mail server, started by playwright.config.ts beside the sites: the
 * in-process SMTP receiver of the unit tests on a fixed port, keeping each message as a JSON file
 * (written whole, then renamed) in E2E_MAIL.dir, because the tests that read it run in other processes.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSmtpReceiver } from "../support/smtp-receiver";
import { E2E_MAIL } from "./servers";

let count = 0;
const receiver = await startSmtpReceiver({
  port: E2E_MAIL.port,
  onReceived(mail) {
    // Created on each message: the e2e data directory may be emptied after this process started.
    mkdirSync(E2E_MAIL.dir, { recursive: true });
    const file = path.join(E2E_MAIL.dir, `${Date.now()}-${process.pid}-${++count}.json`);
    writeFileSync(`${file}.part`, JSON.stringify(mail));
    renameSync(`${file}.part`, file);
  },
});
console.log(`[e2e] mail receiver at ${receiver.url}, keeping messages in ${E2E_MAIL.dir}`);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void receiver.close().then(() => process.exit(0)));
