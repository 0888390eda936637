import { expect, type Page, test } from "@playwright/test";

/** From the map, by clicking West Java, to the rankings filtered to it: every listed region is in it. */
async function clickJawaBaratToItsRankings(page: Page) {
  const map = page.getByRole("group", { name: /Rata-rata Indeks SPBE 2020 resmi kabupaten\/kota per provinsi/ });
  await expect(map).toBeVisible();
  await map.getByRole("link", { name: /^Jawa Barat: / }).click();

  await expect(page).toHaveURL(/\/peringkat\?kerangka=spbe-2020&tahun=\d{4}&provinsi=32$/);
  await expect(page.getByRole("combobox", { name: /^Provinsi/ })).toHaveValue("32");
  const regions = page.getByRole("table").locator("tbody tr td:nth-child(2)");
  await expect(regions.first()).toBeVisible();
  const names = await regions.allTextContents();
  expect(names.length).toBeGreaterThan(1);
  // Each row names its region and, below it, the region's province.
  for (const name of names) expect(name).toMatch(/^(Kabupaten|Kota) .+Jawa Barat/);
}

test("a visitor opens the province map from the directory, reads it, and clicks a province to reach its rankings", async ({ page }) => {
  await page.goto("/daerah");
  await page.getByRole("link", { name: "Lihat di peta provinsi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Peta provinsi" })).toBeVisible();

  // The table alternative says the same as the map, with how many regions have data.
  const jabar = page.getByRole("row", { name: /^Jawa Barat/ });
  await expect(jabar).toContainText(/\d,\d\d/);
  await expect(jabar).toContainText(/\d+ dari 27/);
  await expect(page.getByText("Batas provinsi: Deny Herianto, CC BY 4.0")).toBeVisible();
  // Provinces without official results are marked in the legend and the table, not by colour alone.
  await expect(page.getByRole("listitem").filter({ hasText: "tidak ada data" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "tidak ada data" }).first()).toBeVisible();

  await clickJawaBaratToItsRankings(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the map opens from the rankings, switches measure by links and its provinces are plain links", async ({ page }) => {
    await page.goto("/peringkat");
    await page.getByRole("link", { name: "Lihat di peta provinsi" }).click();
    await page.getByRole("link", { name: "Praktik baik yang terbit" }).click();
    await expect(page.getByRole("group", { name: "Praktik baik yang terbit per provinsi" })).toBeVisible();
    await page.getByRole("link", { name: "Rata-rata indeks resmi" }).click();
    await clickJawaBaratToItsRankings(page);
  });
});
