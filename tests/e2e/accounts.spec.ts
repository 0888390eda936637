import { expect, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";
import { waitForMail } from "./mailbox";

test("an admin invites an editor, who accepts, signs in and out; a wrong password gets the generic message", async ({ page }) => {
  await signInAsNewUser(page, "admin");

  const editorEmail = `editor.${Date.now()}@sumedangkab.test`;
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Pengguna" })).toBeVisible();
  await page.getByRole("link", { name: "Undangan" }).click();
  await expect(page.getByRole("heading", { name: "Undang pengguna" })).toBeVisible();
  await page.getByLabel("Email").fill(editorEmail);
  await page.getByLabel("Peran").selectOption("editor");
  await page.getByRole("combobox", { name: "Daerah" }).selectOption("32.11");
  await page.getByRole("button", { name: "Buat undangan" }).click();
  await expect(page.getByText(`Undangan dibuat dan dikirim ke ${editorEmail}.`)).toBeVisible();
  const invitationLink = await page.locator("#one-time-link").inputValue();
  // The demo site mails through the e2e mail receiver: the invitation with the same link arrived.
  await waitForMail(editorEmail, invitationLink);
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
