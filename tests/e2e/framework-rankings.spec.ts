import { expect, test } from "@playwright/test";

test("a visitor switches the rankings between SPBE 2020 (2024) and Pemdi 2026, and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Peringkat" }).click();
  await expect(page).toHaveURL(/\/peringkat$/);
  // No official Pemdi result exists yet, so the rankings open on SPBE 2020.
  const frameworks = page.getByRole("navigation", { name: "Kerangka penilaian" });
  await expect(frameworks.getByRole("link", { name: /Indeks SPBE 2020/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1, name: /Peringkat Indeks SPBE 2020 tahun/ })).toBeVisible();

  await page.getByLabel("Tahun").selectOption("2024");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]kerangka=spbe-2020(&|$)/);
  await expect(page).toHaveURL(/[?&]tahun=2024(&|$)/);
  await expect(page.getByRole("heading", { level: 1, name: /Peringkat Indeks SPBE 2020 tahun 2024/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Kabupaten Sumedang/ })).toContainText("4,51");
  await expect(page.getByLabel("Tahun").locator("option", { hasText: "2026" })).toHaveCount(0);

  // Pemdi 2026: its status (secondary sources) is said, and with no official result yet, the
  // page says so and offers the kinds that exist instead of mixing them in.
  await frameworks.getByRole("link", { name: /Indeks Pemdi 2026/ }).click();
  await expect(page).toHaveURL(/[?&]kerangka=pemdi-2026(&|$)/);
  await expect(page).not.toHaveURL(/tahun=/);
  await expect(frameworks.getByRole("link", { name: /Indeks Pemdi 2026/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1, name: /Peringkat Indeks Pemdi 2026 tahun 2026/ })).toBeVisible();
  await expect(frameworks.getByText(/Sumber sekunder: struktur, bobot, dan predikat dibaca dari sumber publik/)).toBeVisible();
  await expect(page.getByText("Belum ada hasil resmi Indeks Pemdi 2026 yang dipublikasikan untuk kabupaten/kota, jadi belum ada peringkat resmi.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Kabupaten Sumedang/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Data contoh", exact: true }).click();
  await expect(page).toHaveURL(/[?&]kerangka=pemdi-2026&data=contoh$/);
  await expect(page.getByText("Peringkat ini memakai data contoh sintetis untuk demonstrasi.")).toBeVisible();
  await expect(page.getByLabel("Tahun").locator("option")).toHaveText(["2026"]);
  const first = page.locator("tbody tr").first();
  await expect(first).toContainText("Data contoh");
  // Pemdi has no 2025: no change is computed from an SPBE year.
  await expect(first).toContainText("—");

  // Back to SPBE 2020: the kind chosen stays, the year is SPBE's own again.
  await frameworks.getByRole("link", { name: /Indeks SPBE 2020/ }).click();
  await expect(page).toHaveURL(/[?&]kerangka=spbe-2020(&|$)/);
  await expect(page).not.toHaveURL(/kerangka=pemdi-2026/);
  await expect(page.getByRole("heading", { level: 1, name: /Peringkat Indeks SPBE 2020 tahun 2024/ })).toBeVisible();
  await expect(page.getByLabel("Tahun").locator("option", { hasText: "2026" })).toHaveCount(0);
  await page.getByLabel("Jenis data").selectOption({ label: "Resmi" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]kerangka=spbe-2020(&|$)/);
  await expect(page).toHaveURL(/[?&]data=resmi(&|$)/);
  await expect(page.getByRole("row", { name: /Kabupaten Sumedang/ })).toContainText("4,51");
  await expect(page.getByRole("row", { name: /Kabupaten Sumedang/ })).toContainText("Resmi");
});
