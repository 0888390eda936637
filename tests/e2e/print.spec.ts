import { expect, test } from "@playwright/test";

test("a visitor prints a region benchmark as a clean document with its address and date", async ({ page }, testInfo) => {
  // Indramayu's latest official index is 2022's (seeded reference data).
  await page.goto("/peringkat?provinsi=32&tahun=2022");
  await page.getByRole("link", { name: "Kabupaten Indramayu" }).click();
  await expect(page.getByRole("heading", { name: "Benchmark indeks Kabupaten Indramayu" })).toBeVisible();
  const chart = page.getByRole("img", { name: /Indeks Kabupaten Indramayu per tahun/ });
  await expect(chart).toBeVisible();
  const footer = page.locator("[data-print-footer]");
  await expect(footer).toBeHidden();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  for (const control of await page.locator("main form, main button").all()) await expect(control).toBeHidden();
  await expect(chart).toBeVisible();
  await expect(footer).toBeVisible();
  await expect(footer).toContainText(/Dicetak dari http:\/\/[^ ]+\/daerah\/32\.12\/benchmark(\?\S*)? pada \d{1,2} \S+ \d{4}\./);

  const screenshot = await page.screenshot({ path: testInfo.outputPath("benchmark-print.png"), fullPage: true });
  await testInfo.attach("benchmark-print", { body: screenshot, contentType: "image/png" });
});
