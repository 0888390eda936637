import { expect, test } from "@playwright/test";

test.use({ javaScriptEnabled: false });

test("reading, filtering and switching language work without JavaScript", async ({ page }) => {
  await page.goto("/daerah");
  await page.getByLabel("Provinsi").selectOption("32");
  await page.getByLabel("Jenis").selectOption("kota");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.getByText("Menampilkan 1–9 dari 9 daerah")).toBeVisible();

  await page.getByRole("button", { name: "Ganti bahasa ke English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("Showing 1–9 of 9 regions")).toBeVisible();

  await page.getByRole("link", { name: "Kota Bandung" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kota Bandung" })).toBeVisible();
});
