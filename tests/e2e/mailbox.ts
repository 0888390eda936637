import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { readableMail, type ReceivedMail } from "../support/smtp-receiver";
import { E2E_MAIL } from "./servers";

function receivedBy(address: string): string[] {
  let files: string[];
  try {
    files = readdirSync(E2E_MAIL.dir).filter((file) => file.endsWith(".json"));
  } catch {
    return []; // nothing received yet
  }
  return files
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(E2E_MAIL.dir, file), "utf8")) as ReceivedMail)
    .filter((mail) => mail.to.includes(address))
    .map((mail) => readableMail(mail.raw));
}

/**
 * Waits (polling, up to `timeout`) for the demo site's mail server to receive a message to
 * `address` whose readable text (see readableMail) contains `text`, and returns that text.
 */
export async function waitForMail(address: string, text: string, timeout = 30_000): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(() => (found = receivedBy(address).find((mail) => mail.includes(text))) !== undefined, { timeout, message: `an email to ${address} containing "${text}"` })
    .toBe(true);
  return found!;
}
