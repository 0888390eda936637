import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

async function newSignedInPage(browser: Browser, role: string, region?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsNewUser(page, role, { region });
  return page;
}

test("a practice goes from draft to published through review, gets a question answered, and is adopted", async ({ browser }) => {
  // Four accounts, three browsers and some twenty page loads on a busy two-core machine.
  test.setTimeout(180_000);
  const title = `Tanda Tangan Elektronik Terpadu ${Date.now()}`;
  const editor = await newSignedInPage(browser, "editor", "32.11");
  const curator = await newSignedInPage(browser, "curator");

  // The editor writes, with the live preview following the Markdown, and submits.
  await editor.goto("/praktik/baru");
  await editor.getByLabel("Judul", { exact: true }).fill(title);
  await editor.getByLabel("Ringkasan", { exact: true }).fill("Semua naskah dinas ditandatangani secara elektronik.");
  await editor.getByLabel("Uraian (Markdown)").fill("## Hasil utama\n\nWaktu tanda tangan turun dari **3 hari** ke 1 jam.");
  await expect(editor.getByRole("heading", { name: "Hasil utama" })).toBeVisible();
  await editor.getByText("Domain 4: Layanan SPBE").click();
  await editor.getByLabel("37. Tingkat Kematangan Layanan Kearsipan Dinamis").check();
  await editor.getByLabel("Ukuran, baris 1", { exact: true }).fill("Waktu tanda tangan");
  await editor.getByLabel("Nilai awal, baris 1", { exact: true }).fill("72");
  await editor.getByLabel("Hasil, baris 1", { exact: true }).fill("1");
  await editor.getByLabel("Satuan, baris 1", { exact: true }).fill("jam");
  await editor.getByLabel("Tag", { exact: true }).fill("tte, naskah dinas");
  await editor.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click();
  await expect(editor.getByText("Tersimpan sebagai revisi baru.")).toBeVisible();
  await expect(editor.getByText("Diajukan", { exact: true }).first()).toBeVisible();
  const reviewUrl = new URL(editor.url()).pathname;
  const practiceUrl = reviewUrl.replace("/tinjauan", "");

  // The curator finds it in the queue and asks for changes.
  await curator.goto("/praktik/kelola");
  await curator.getByRole("link", { name: title }).click();
  await curator.getByLabel("Komentar", { exact: true }).fill("Tambahkan dasar hukumnya.");
  await curator.getByRole("button", { name: "Minta perbaikan" }).click();
  await expect(curator.getByText("Keputusan tercatat.")).toBeVisible();

  // The editor sees the comment, revises and resubmits.
  await editor.goto(reviewUrl);
  await expect(editor.getByText("Tambahkan dasar hukumnya.")).toBeVisible();
  await expect(editor.getByText("Kurator meminta perbaikan.")).toBeVisible();
  await editor.getByRole("link", { name: "Ubah", exact: true }).click();
  await editor.getByLabel("Dasar hukum", { exact: true }).fill("Peraturan Bupati Sumedang Nomor 7 Tahun 2023");
  await editor.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click();
  await expect(editor.getByText("Tersimpan sebagai revisi baru.")).toBeVisible();

  // The curator publishes; the history shows what changed.
  await curator.goto(reviewUrl);
  await curator.getByRole("button", { name: "Terbitkan" }).click();
  await expect(curator.getByText("Keputusan tercatat.")).toBeVisible();
  await curator.goto(`${practiceUrl}/riwayat`);
  await expect(curator.locator("ins", { hasText: "Peraturan Bupati Sumedang Nomor 7 Tahun 2023" })).toBeVisible();

  // A visitor finds it in the list, filtered by its indicator.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/praktik?indikator=37");
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByText("Peraturan Bupati Sumedang Nomor 7 Tahun 2023")).toBeVisible();
  await expect(visitor.getByRole("link", { name: "37. Tingkat Kematangan Layanan Kearsipan Dinamis" })).toBeVisible();

  // The search worker has put it into Meilisearch: the search page finds it.
  const searcher = await (await browser.newContext()).newPage();
  const searchResults = searcher.getByRole("region", { name: "Hasil pencarian" });
  await expect(async () => {
    await searcher.goto(`/cari?q=${encodeURIComponent(title)}`);
    await expect(searchResults.getByRole("link", { name: title })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 30_000 });

  // A member of another region asks; the owning region's editor answers.
  const member = await newSignedInPage(browser, "member", "33.16");
  await member.goto(practiceUrl);
  await member.getByLabel("Ajukan pertanyaan").fill("Apakah sertifikat elektroniknya dari BSrE?");
  await member.getByRole("button", { name: "Kirim pertanyaan" }).click();
  await expect(member.getByText("Pertanyaan Anda terkirim.")).toBeVisible();
  await editor.goto(practiceUrl);
  await editor.getByLabel("Jawab pertanyaan ini").fill("Ya, bekerja sama dengan BSSN.");
  await editor.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(editor.getByText("Jawaban Anda terkirim.")).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByText("Ya, bekerja sama dengan BSSN.")).toBeVisible();

  // Another region's editor records an adoption; once published both pages show it.
  const adopterTitle = `TTE Blora ${Date.now()}`;
  const bloraEditor = await newSignedInPage(browser, "editor", "33.16");
  await bloraEditor.goto("/praktik/baru");
  await bloraEditor.getByLabel("Judul", { exact: true }).fill(adopterTitle);
  await bloraEditor.getByLabel("Ringkasan", { exact: true }).fill("Blora meniru tanda tangan elektronik Sumedang.");
  await bloraEditor.getByLabel("Uraian (Markdown)").fill("Belajar dari Sumedang.");
  await bloraEditor.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click();
  await expect(bloraEditor.getByText("Tersimpan sebagai revisi baru.")).toBeVisible();
  const adopterReviewUrl = new URL(bloraEditor.url()).pathname;
  await bloraEditor.getByRole("link", { name: "Catat adopsi" }).click();
  await bloraEditor.getByLabel("Daerah asal", { exact: true }).selectOption("32.11");
  await bloraEditor.getByRole("button", { name: "Tampilkan praktik daerah ini" }).click();
  await bloraEditor.getByLabel(title).check();
  await bloraEditor.getByLabel("Catatan", { exact: true }).fill("Studi tiru Mei 2024");
  await bloraEditor.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(bloraEditor.getByText("Studi tiru Mei 2024")).toBeVisible();

  await curator.goto(adopterReviewUrl);
  await curator.getByRole("button", { name: "Terbitkan" }).click();
  await expect(curator.getByText("Keputusan tercatat.")).toBeVisible();

  await visitor.goto(adopterReviewUrl.replace("/tinjauan", ""));
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await visitor.goto(practiceUrl);
  await expect(visitor.getByRole("link", { name: adopterTitle })).toBeVisible();
  await visitor.goto("/daerah/33.16");
  await expect(visitor.getByRole("link", { name: adopterTitle }).first()).toBeVisible();
});

test("the seeded case studies are listed, labelled and linked in the adoption network", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Praktik baik terbaru" })).toBeVisible();
  await page.getByRole("link", { name: "Baca praktik baik" }).click();
  await expect(page.getByText(/Menampilkan 1–\d+ dari \d+ praktik/)).toBeVisible();
  // Other tests publish practices, newest first: Blora's own list keeps the seeded one in view.
  await page.goto("/praktik?daerah=33.16");
  await page.getByRole("link", { name: /Adopsi E-Office dan E-SAKIP/ }).click();
  await expect(page.getByText("Dihimpun dari sumber publik").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Kepemimpinan Digital dan Perbaikan Akuntabilitas/ })).toBeVisible();
  await page.goto("/jaringan-adopsi");
  await expect(page.getByRole("img", { name: "Jaringan adopsi" })).toBeVisible();
  // The seeded adoption's own row (other tests record more of Blora's adoptions).
  const seeded = page.getByRole("row").filter({ has: page.getByRole("link", { name: /Adopsi E-Office dan E-SAKIP/ }) });
  await expect(seeded).toContainText("Kabupaten Sumedang");
  await expect(seeded).toContainText("Kabupaten Blora");
});

test("a failed save keeps everything typed, even without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAsNewUser(page, "editor", { region: "32.11" });
  await page.goto("/praktik/baru");
  await page.getByLabel("Judul", { exact: true }).fill("Judul tetap ada");
  await page.getByLabel("Uraian (Markdown)").fill("## Bagian\n\nTeks yang tidak boleh hilang.");
  await page.getByLabel("Mulai", { exact: true }).fill("Februari 2021");
  await page.getByRole("button", { name: "Pratinjau", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Bagian" })).toBeVisible();
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page.getByText("Periksa isian yang ditandai.")).toBeVisible();
  await expect(page.getByText("Tulis tahun atau tahun-bulan, mis. 2021 atau 2021-02.")).toBeVisible();
  await expect(page.getByLabel("Judul", { exact: true })).toHaveValue("Judul tetap ada");
  await expect(page.getByLabel("Uraian (Markdown)")).toHaveValue("## Bagian\n\nTeks yang tidak boleh hilang.");
  await expect(page.getByLabel("Mulai", { exact: true })).toHaveValue("Februari 2021");
});
