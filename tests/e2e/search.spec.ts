import { expect, test } from "@playwright/test";

test("a visitor searches with a typo, filters by province and indicator, and opens a practice", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Cari di IDSL" }).fill("sumedng");
  await page.getByRole("button", { name: "Cari", exact: true }).first().click();
  await expect(page).toHaveURL(/\/cari\?q=sumedng/);
  const results = page.getByRole("region", { name: "Hasil pencarian" });
  await expect(results.getByRole("link", { name: /Sumedang/ }).first()).toBeVisible();

  const facets = page.getByRole("complementary", { name: "Saring hasil" });
  await facets.getByRole("link", { name: /Jawa Barat/ }).click();
  await expect(page).toHaveURL(/provinsi=32/);
  await facets.locator("section", { hasText: "Indikator SPBE" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/indikator=\d+/);
  const first = results.getByRole("listitem").first().getByRole("link").first();
  const title = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("results follow the typing with JavaScript, and the sort keeps the words", async ({ page }) => {
  await page.goto("/cari");
  const results = page.getByRole("region", { name: "Hasil pencarian" });
  // No button press: the results change as the visitor types.
  await page.getByRole("searchbox", { name: "Kata pencarian" }).pressSequentially("stunting", { delay: 20 });
  await expect(page).toHaveURL(/\/cari\?q=stunting/);
  await expect(results.getByRole("link", { name: /SIMPATI/ })).toBeVisible();
  // The page opened without words sorted newest first; the typed words rank by best match.
  await expect(page.getByLabel("Urutkan").locator("option:checked")).toHaveText("Paling cocok");
  await expect(page).not.toHaveURL(/urut=terbaru/);
  await page.getByLabel("Urutkan").selectOption("terbanyak-diadopsi");
  await expect(page).toHaveURL(/q=stunting.*urut=terbanyak-diadopsi/);
  await expect(results.getByRole("link", { name: /SIMPATI/ })).toBeVisible();
});
