import { expect, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

test("two people editing a region profile: the second gets a conflict message, keeps their text and can save", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  const curator = await (await browser.newContext()).newPage();
  await signInAsNewUser(editor, "editor", { region: "32.11" });
  await signInAsNewUser(curator, "curator");

  await editor.goto("/daerah/32.11/ubah");
  await curator.goto("/daerah/32.11/ubah");
  const description = "Deskripsi (Bahasa Indonesia)";

  await editor.getByLabel(description).fill("Sumedang mengoperasikan Command Center sejak 2021.");
  await editor.getByRole("button", { name: "Simpan profil" }).click();
  await expect(editor.getByText("Profil daerah disimpan.")).toBeVisible();
  await expect(editor.getByText("Sumedang mengoperasikan Command Center sejak 2021.")).toBeVisible();

  await curator.getByLabel(description).fill("Teks kurator yang tidak boleh hilang.");
  await curator.getByRole("button", { name: "Simpan profil" }).click();
  await expect(curator.getByRole("alert")).toContainText("Orang lain menyimpan perubahan lebih dulu.");
  await expect(curator.getByLabel(description)).toHaveValue("Teks kurator yang tidak boleh hilang.");

  // Saving again, now knowingly over the newer version, succeeds.
  await curator.getByRole("button", { name: "Simpan profil" }).click();
  await expect(curator.getByText("Profil daerah disimpan.")).toBeVisible();
  await expect(curator.getByText("Teks kurator yang tidak boleh hilang.")).toBeVisible();
});

test("an editor cannot open another region's profile form", async ({ page }) => {
  await signInAsNewUser(page, "editor", { region: "32.11" });
  const response = await page.goto("/daerah/33.16/ubah");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
});
