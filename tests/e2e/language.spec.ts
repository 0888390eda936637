import { expect, test } from "@playwright/test";

test("switching to English translates the UI, formats numbers in English and sticks", async ({ page }) => {
  await page.goto("/daerah/32.11");
  await expect(page.getByRole("table", { name: "Riwayat indeks" })).toContainText("3,81");

  await page.getByRole("button", { name: "Ganti bahasa ke English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/daerah\/32\.11$/);
  const history = page.getByRole("table", { name: "Index history" });
  await expect(history.getByRole("row", { name: /^2020/ })).toContainText("3.81");
  await expect(page.getByText("1,226,660 people")).toBeVisible();

  // The choice is kept in a cookie across navigation and reloads.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Regions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Regions directory" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Regions directory" })).toBeVisible();

  await page.getByRole("button", { name: "Switch language to Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1, name: "Direktori daerah" })).toBeVisible();
});

test("the language switch keeps the directory filters", async ({ page }) => {
  // An old link with the English parameter names lands on today's Indonesian ones.
  await page.goto("/daerah?province=32&type=kota");
  await expect(page).toHaveURL(/\/daerah\?provinsi=32&jenis=kota$/);
  await page.getByRole("button", { name: "Ganti bahasa ke English" }).click();
  await expect(page).toHaveURL(/\/daerah\?provinsi=32&jenis=kota$/);
  await expect(page.getByText("Showing 1–9 of 9 regions")).toBeVisible();
});

test("the language switch refuses to redirect off-site", async ({ request, baseURL }) => {
  const response = await request.post("/bahasa", {
    headers: { Origin: baseURL! },
    form: { lang: "en", redirectTo: "//evil.example/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe("/");
});
