import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { E2E_SERVERS, type E2EServer } from "./servers";

/**
 * Creates an account on the e2e server's database with the real `user:create` CLI, sets its
 * password through the printed link in `page`, and leaves `page` signed in as that user.
 * `project` names the site (outside a test, e.g. in a worker fixture); by default the running test's.
 */
export async function signInAsNewUser(page: Page, role: string, options: { region?: string; password?: string; project?: string } = {}) {
  const email = `${role}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@e2e.test`;
  const args = ["--import", "tsx", "scripts/create-user.ts", "--email", email, "--role", role, "--name", `E2E ${role}`];
  if (options.region) args.push("--region", options.region);
  // The account goes into the database of the site this test's project runs against.
  const server = E2E_SERVERS[(options.project ?? test.info().project.name) as E2EServer];
  const output = execFileSync("node", args, {
    env: { ...process.env, DATABASE_URL: "", IDSL_DATA_DIR: server.dataDir, EMBEDDED_PG_PORT: server.pgPort },
    encoding: "utf8",
  });
  const link = output.match(/http:\/\/\S+\/atur-sandi\/\S+/)?.[0];
  if (!link) throw new Error(`no link in: ${output}`);
  const password = options.password ?? "kata sandi e2e yang panjang";
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(password);
  await page.getByLabel("Ulangi kata sandi baru").fill(password);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByRole("heading", { name: "Akun saya" })).toBeVisible();
  return { email, password };
}
