import { expect, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

test("a curator imports official results; a visitor ranks, benchmarks, compares and learns from a leader", async ({ browser }) => {
  // Two accounts' worth of pages, an import and a dozen page loads on a busy two-core machine.
  test.setTimeout(180_000);
  const curator = await (await browser.newContext()).newPage();
  await signInAsNewUser(curator, "curator");
  await curator.goto("/kurasi/impor-spbe");
  const csv = "region_code,year,index,source,decree\n35.15,2024,3.33,https://menpan.go.id/e2e,KepMenPANRB E2E/2025\n";
  await curator.getByLabel("Berkas Excel atau CSV").setInputFiles({ name: "hasil.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await curator.getByRole("button", { name: "Periksa (belum mengimpor)" }).click();
  await expect(curator.getByRole("row", { name: /Kabupaten Sidoarjo/ })).toContainText("Baru");
  await curator.getByRole("button", { name: "Impor 1 baris" }).click();
  await expect(curator.getByText("Impor selesai: 1 baru, 0 diubah, 0 tidak berubah.")).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/peringkat?tahun=2024&provinsi=35");
  const sidoarjo = visitor.getByRole("row", { name: /Kabupaten Sidoarjo/ });
  await expect(sidoarjo).toContainText("3,33");
  await expect(sidoarjo).toContainText("Resmi");

  // Indramayu's latest official index is 2022's.
  await visitor.goto("/peringkat?provinsi=32&tahun=2022");
  await visitor.getByRole("link", { name: "Kabupaten Indramayu" }).click();
  await expect(visitor.getByRole("heading", { name: "Benchmark indeks Kabupaten Indramayu" })).toBeVisible();
  // Demo data holds Pemdi 2026 samples too: the trend draws each framework as its own series.
  await expect(visitor.getByRole("img", { name: /Indeks Kabupaten Indramayu per tahun, per kerangka penilaian/ })).toBeVisible();

  // Compare three regions, added through the province-then-region picker.
  await visitor.getByRole("link", { name: "Bandingkan dengan daerah lain" }).click();
  await expect(visitor.getByText("Tambahkan satu daerah lagi")).toBeVisible();
  for (const [province, region] of [
    ["Jawa Barat", "Kabupaten Sumedang"],
    ["Jawa Tengah", "Kabupaten Blora"],
  ]) {
    await visitor.getByLabel("Provinsi").selectOption({ label: province });
    await visitor.getByRole("button", { name: "Tampilkan daerah di provinsi ini" }).click();
    await visitor.getByLabel("Tambah daerah").selectOption({ label: region });
    await visitor.getByRole("button", { name: "Tambah", exact: true }).click();
  }
  // The framework chosen since the rankings travels along.
  await expect(visitor).toHaveURL(/\/bandingkan\?daerah=32\.12,32\.11,33\.16&kerangka=spbe-2020$/);
  await expect(visitor.getByRole("columnheader", { name: "Kabupaten Blora" }).first()).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Tingkat per indikator" })).toBeVisible();

  // Learn from the leaders: from Indramayu's gaps to a leading region's practice (the sample
  // levels are deterministic, so West Java's leaders include a region with a published practice).
  await visitor.goto("/daerah/32.12/benchmark?kelompok=provinsi");
  const leaders = visitor.locator("section", { has: visitor.getByRole("heading", { name: "Belajar dari yang terdepan" }) });
  const practiceLink = leaders.locator('a[href^="/praktik/"]').first();
  const title = (await practiceLink.textContent())!;
  await practiceLink.click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("an editor fills a self-assessment without JavaScript and sees the computed index", async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signInAsNewUser(page, "editor", { region: "33.16" });
  await page.goto("/daerah/33.16/penilaian-mandiri");
  for (const group of await page.getByRole("group", { name: /^\d+\. / }).all()) await group.getByRole("radio", { name: /^3 — / }).check();
  await page.getByRole("button", { name: "Hitung" }).click();
  await expect(page.getByText("47 dari 47 indikator terisi")).toBeVisible();
  await expect(page.getByText("Indeks terhitung: 3,00")).toBeVisible();
  await page.getByRole("button", { name: "Simpan penilaian" }).click();
  await expect(page.getByText("Penilaian mandiri tersimpan.")).toBeVisible();
});

test("a visitor goes from a region's page to its benchmark and switches to Indeks Pemdi 2026: its aspects, its own indicators, SPBE years as another series", async ({ page }) => {
  await page.goto("/daerah/32.11");
  await page.getByRole("link", { name: /Buka benchmark/ }).click();
  await expect(page.getByRole("heading", { name: "Benchmark indeks Kabupaten Sumedang" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Indeks per domain" })).toBeVisible();

  await page.getByRole("navigation", { name: "Kerangka penilaian" }).getByRole("link", { name: /^Indeks Pemdi 2026/ }).click();
  await expect(page).toHaveURL(/kerangka=pemdi-2026/);
  await expect(page.getByRole("navigation", { name: "Kerangka penilaian" }).getByRole("link", { name: /^Indeks Pemdi 2026/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/Sumber sekunder: struktur, bobot, dan predikat/)).toBeVisible();
  // Pemdi has aspects only: one profile chart, by aspect, with Pemdi's aspect names.
  await expect(page.getByRole("img", { name: "Indeks per aspek" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Indeks per domain" })).toHaveCount(0);
  const aspects = page.locator("figure", { has: page.getByRole("img", { name: "Indeks per aspek" }) });
  await aspects.getByText("Tampilkan sebagai tabel").click();
  await expect(aspects.getByRole("table")).toContainText("Tata Kelola dan Manajemen");
  // The trend keeps SPBE years and Pemdi years apart, with a labelled break.
  await expect(page.getByRole("img", { name: /per kerangka penilaian/ })).toContainText("Indeks SPBE 2020 | Indeks Pemdi 2026");
  // An indicator link leads to the Pemdi indicator's page, which says how practices are tagged.
  await page.locator("section", { has: page.getByRole("heading", { name: "Indikator terkuat" }) }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/indikator\/\d+\?kerangka=pemdi-2026/);
  await expect(page.getByText(/Praktik baik ditandai dengan indikator Indeks SPBE 2020/)).toBeVisible();
});
