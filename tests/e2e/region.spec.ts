import { expect, test } from "@playwright/test";

test("Sumedang's profile shows its published SPBE index history with sources", async ({ page }) => {
  await page.goto("/daerah/32.11");
  await expect(page.getByRole("heading", { level: 1, name: "Kabupaten Sumedang" })).toBeVisible();
  await expect(page.getByText("Kohort IDSL 2022").first()).toBeVisible();
  await expect(page).toHaveTitle("Kabupaten Sumedang · IDSL");

  const history = page.getByRole("table", { name: "Riwayat indeks" });
  const row2020 = history.getByRole("row", { name: /^2020/ });
  await expect(row2020).toContainText("3,81");
  await expect(row2020).toContainText("Sangat Baik");
  await expect(row2020.getByRole("link", { name: "tinewss.com" })).toHaveAttribute("href", /tinewss\.com/);
  await expect(history.getByRole("row", { name: /^2021/ })).toContainText("2,24");

  await expect(page.getByText("1.226.660 jiwa")).toBeVisible();
  await page.getByRole("navigation", { name: "Jejak navigasi" }).getByRole("link", { name: "Jawa Barat" }).click();
  await expect(page).toHaveURL(/\/provinsi\/32$/);
  await expect(page.getByRole("heading", { level: 1, name: "Provinsi Jawa Barat" })).toBeVisible();
});

test("a region without published scores says so", async ({ page }) => {
  await page.goto("/daerah/11.01");
  await expect(page.getByText("Belum ada nilai indeks resmi yang tercatat untuk daerah ini.")).toBeVisible();
});

test("unknown region codes and paths get a localized 404", async ({ page }) => {
  const region = await page.goto("/daerah/99.99");
  expect(region?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  await expect(page.getByText("Tidak ada kabupaten/kota dengan kode tersebut.")).toBeVisible();

  const path = await page.goto("/tidak-ada/halaman");
  expect(path?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("/healthz reports both services as JSON", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true }, search: { ok: true } });
});
