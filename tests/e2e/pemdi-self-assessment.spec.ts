import { expect, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

test("a regional editor fills a Pemdi 2026 self-assessment and sees index and predikat with the Pemdi bands", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsNewUser(page, "editor", { region: "35.10" });

  // From the region's page to its benchmark, and from there to the self-assessment.
  await page.goto("/daerah/35.10");
  await page.getByRole("link", { name: /^Buka benchmark/ }).click();
  await page.getByRole("link", { name: "Penilaian mandiri", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Penilaian mandiri Indeks SPBE 2020/ })).toBeVisible();

  // Pemdi 2026: its own year, its status from secondary sources, its 20 indicators by aspect.
  await page.getByRole("navigation", { name: "Kerangka penilaian" }).getByRole("link", { name: /^Indeks Pemdi 2026/ }).click();
  await expect(page).toHaveURL(/kerangka=pemdi-2026/);
  await expect(page.getByRole("heading", { level: 1, name: /^Penilaian mandiri Indeks Pemdi 2026 .* 2026$/ })).toBeVisible();
  await expect(page.getByText(/^Sumber sekunder:/)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Tahun" }).locator("option")).toHaveText(["2026"]);
  await expect(page.getByRole("group", { name: "Aspek 7: Kepuasan Pengguna Layanan Digital Pemerintah" })).toBeVisible();
  // The region's SPBE profile is compared only by aspect pairs a curator confirmed: none yet.
  await expect(page.getByRole("heading", { name: "Profil Indeks SPBE 2020 terakhir di samping penilaian ini" })).toBeVisible();
  await expect(page.getByText("Belum ada padanan aspek yang dikonfirmasi kurator")).toBeVisible();

  // Seventeen levels chosen, three taken from the other agencies' scores (no level to choose there).
  const choices = await page.getByRole("group", { name: /^\d+\. / }).all();
  expect(choices).toHaveLength(17);
  for (const group of choices) await group.getByRole("radio", { name: /^4 — Melembaga/ }).check();
  await expect(page.getByText("Tingkat indikator ini berasal dari penilaian lembaga lain: Skor Satu Data Indonesia (Bappenas)", { exact: false })).toBeVisible();
  for (const number of [5, 6, 7]) await page.getByLabel(`Skor indikator ${number} (skala 1–5, mis. 3,62)`).fill("4,37");
  await expect(page.getByText("Tingkat dari skor: 4 — Melembaga")).toHaveCount(3);

  // Index 4,00: Memuaskan with Pemdi's bands (SPBE 2020 would call it Sangat Baik).
  const status = page.getByRole("status").filter({ hasText: "indikator terisi" });
  await expect(status).toContainText("20 dari 20 indikator terisi");
  await expect(status).toContainText("Indeks terhitung: 4,00");
  await expect(status).toContainText("Memuaskan");

  await page.getByRole("button", { name: "Simpan penilaian" }).click();
  await expect(page.getByText("Penilaian mandiri tersimpan.")).toBeVisible();
  await expect(page.getByLabel("Skor indikator 5 (skala 1–5, mis. 3,62)")).toHaveValue("4,37");
  await expect(status).toContainText("Indeks terhitung: 4,00");
  await expect(status).toContainText("Memuaskan");
});
