import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

/** Creates an admin on the e2e server's database with the real CLI and returns its set-password link. */
function createAdminWithCli(email: string): string {
  const output = execFileSync("node", ["--import", "tsx", "scripts/create-user.ts", "--email", email, "--role", "admin", "--name", "E2E Admin"], {
    env: { ...process.env, DATABASE_URL: "", IDSL_DATA_DIR: ".data/e2e", EMBEDDED_PG_PORT: process.env.E2E_PG_PORT || "54339" },
    encoding: "utf8",
  });
  const link = output.match(/http:\/\/\S+\/atur-sandi\/\S+/)?.[0];
  if (!link) throw new Error(`no link in: ${output}`);
  return new URL(link).pathname;
}

test("an admin invites an editor, who accepts, signs in and out; a wrong password gets the generic message", async ({ page }) => {
  const adminPath = createAdminWithCli(`admin.${Date.now()}@kemendagri.test`);
  const adminPassword = "admin kemendagri yang aman";
  await page.goto(adminPath);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(adminPassword);
  await page.getByLabel("Ulangi kata sandi baru").fill(adminPassword);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByRole("heading", { name: "Akun saya" })).toBeVisible();

  const editorEmail = `editor.${Date.now()}@sumedangkab.test`;
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Pengguna" })).toBeVisible();
  await page.getByRole("link", { name: "Undangan" }).click();
  await expect(page.getByRole("heading", { name: "Undang pengguna" })).toBeVisible();
  await page.getByLabel("Email").fill(editorEmail);
  await page.getByLabel("Peran").selectOption("editor");
  await page.getByRole("combobox", { name: "Daerah" }).selectOption("32.11");
  await page.getByRole("button", { name: "Buat undangan" }).click();
  await expect(page.getByText(`Undangan untuk ${editorEmail} dibuat.`)).toBeVisible();
  const invitationLink = await page.locator("#one-time-link").inputValue();
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await expect(page.getByRole("link", { name: "Masuk", exact: true })).toBeVisible();

  const editorPassword = "praktik baik sumedang 2026";
  await page.goto(new URL(invitationLink).pathname);
  await expect(page.getByText("Anda diundang sebagai Editor daerah (Kabupaten Sumedang)")).toBeVisible();
  await page.getByLabel("Nama lengkap").fill("Rina Editor");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(editorPassword);
  await page.getByLabel("Ulangi kata sandi baru").fill(editorPassword);
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByRole("heading", { name: "Akun saya" })).toBeVisible();
  await expect(page.getByText("Rina Editor")).toBeVisible();
  await page.getByRole("button", { name: "Keluar", exact: true }).click();

  await page.getByRole("link", { name: "Masuk", exact: true }).click();
  await page.getByLabel("Email").fill(editorEmail);
  await page.getByLabel("Kata sandi").fill("bukan kata sandinya");
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page.getByRole("alert")).toHaveText("Email atau kata sandi salah.");
  await expect(page.getByLabel("Email")).toHaveValue(editorEmail);

  await page.getByLabel("Kata sandi").fill(editorPassword);
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page.getByRole("link", { name: "Akun saya" })).toBeVisible();
  // An editor can edit their own region's profile but has no admin area.
  await page.goto("/daerah/32.11");
  await expect(page.getByRole("link", { name: "Ubah profil daerah" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const forbidden = await page.goto("/admin/pengguna");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
});
