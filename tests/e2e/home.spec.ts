import { expect, test } from "@playwright/test";

test("home explains IDSL and shows key figures from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/IDSL/);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Belajar dari sesama daerah");

  const figures = page.getByRole("region", { name: "Angka kunci" });
  await expect(figures.getByText("Daerah kohort IDSL 2022 terkonfirmasi")).toBeVisible();
  await expect(figures.getByText("6", { exact: true })).toBeVisible();
  await expect(figures.getByText("514", { exact: true })).toBeVisible();
  // The latest national index is read from the seeded results (2025: 3.23), with its source.
  await expect(figures.getByText("Indeks SPBE 2020 nasional 2025")).toBeVisible();
  await expect(figures.getByText("3,23")).toBeVisible();
  await expect(figures.getByRole("link", { name: "kabarbanyuwangi.info" })).toHaveAttribute("href", /^https:\/\//);

  await page.getByRole("link", { name: "Kabupaten Sumedang" }).click();
  await expect(page).toHaveURL(/\/daerah\/32\.11$/);
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Langsung ke konten utama" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
