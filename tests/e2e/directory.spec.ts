import { expect, test } from "@playwright/test";

test("visitors filter the directory by province and type, and the URL keeps the filters", async ({ page }) => {
  await page.goto("/daerah");
  await expect(page.getByText("Menampilkan 1–25 dari 514 daerah")).toBeVisible();

  await page.getByLabel("Provinsi").selectOption({ label: "Jawa Barat" });
  await page.getByLabel("Jenis").selectOption("kota");
  await page.getByRole("button", { name: "Terapkan" }).click();

  await expect(page).toHaveURL(/\/daerah\?.*provinsi=32/);
  await expect(page).toHaveURL(/jenis=kota/);
  await expect(page.getByText("Menampilkan 1–9 dari 9 daerah")).toBeVisible();
  const names = await page.getByRole("table").locator("tbody tr td:first-child a").allTextContents();
  expect(names).toHaveLength(9);
  expect(names.every((name) => name.startsWith("Kota "))).toBe(true);
  expect(names).toContain("Kota Bandung");

  // The same URL opened fresh shows the same filtered list with the form filled in.
  await page.reload();
  await expect(page.getByLabel("Provinsi")).toHaveValue("32");
  await expect(page.getByLabel("Jenis")).toHaveValue("kota");
});

test("finds a region by name and pages through results", async ({ page }) => {
  await page.goto("/daerah?q=sumedang");
  await expect(page.getByText("Menampilkan 1–1 dari 1 daerah")).toBeVisible();
  await expect(page.getByRole("link", { name: "Kabupaten Sumedang" })).toBeVisible();

  await page.goto("/daerah");
  await page.getByRole("link", { name: /Berikutnya/ }).click();
  await expect(page).toHaveURL(/hal=2/);
  await expect(page.getByText("Menampilkan 26–50 dari 514 daerah")).toBeVisible();
  await expect(page.getByText("Halaman 2 dari 21")).toBeVisible();
});

test("filters by the IDSL cohort", async ({ page }) => {
  await page.goto("/daerah");
  await page.getByLabel("Kohort").selectOption({ label: "IDSL 2022" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.getByText("Menampilkan 1–6 dari 6 daerah")).toBeVisible();
});

test("junk query parameters fall back to defaults instead of failing", async ({ page }) => {
  const response = await page.goto("/daerah?province=%27%20OR%201=1&type[]=x&page=-3&cohort=%3Cscript%3E");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Menampilkan 1–25 dari 514 daerah")).toBeVisible();
});

test("a name that matches nothing explains what to do", async ({ page }) => {
  await page.goto("/daerah?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  await expect(page.getByText("Tidak ada daerah yang cocok dengan saringan ini.")).toBeVisible();
  await expect(page.getByLabel("Nama daerah")).toHaveValue("<script>alert(1)</script>");
});
