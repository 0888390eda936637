import { expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

/** A PDF of about 2 MB: a minimal document padded with a comment line. */
const LARGE_PDF = Buffer.concat([
  Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%"),
  Buffer.alloc(2 * 1024 * 1024, "x"),
  Buffer.from("\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
]);

/** Signs in a new editor of Sumedang, who writes a practice and opens its attachments page. */
async function openNewPracticeAttachments(page: Page) {
  await signInAsNewUser(page, "editor", { region: "32.11" });
  await page.goto("/praktik/baru");
  await page.getByLabel("Judul", { exact: true }).fill(`Lampiran ${Date.now()}`);
  await page.getByLabel("Ringkasan", { exact: true }).fill("Bukti dalam PDF.");
  await page.getByLabel("Uraian (Markdown)").fill("Laporan lengkap terlampir.");
  await page.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click();
  await expect(page.getByText("Tersimpan sebagai revisi baru.")).toBeVisible();
  await page.getByRole("link", { name: "Lampiran bukti" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lampiran bukti" })).toBeVisible();
}

test("a 2 MB attachment on a slow connection shows its upload progress, then is listed", async ({ page }) => {
  test.setTimeout(120_000);
  await openNewPracticeAttachments(page);

  // About 1 Mbit/s up: the 2 MB upload takes some 16 seconds, long enough to watch it advance.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: 1_000_000 / 8, uploadThroughput: 1_000_000 / 8 });

  await page.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "laporan-lengkap.pdf", mimeType: "application/pdf", buffer: LARGE_PDF });
  await page.getByRole("button", { name: "Unggah", exact: true }).click();
  const progress = page.getByRole("progressbar", { name: "Mengunggah berkas" });
  await expect(progress).toBeVisible();
  const percent = () => progress.evaluate((element: HTMLProgressElement) => element.value);
  // It advances: first past a tenth, later past a half, announced politely in steps of ten.
  await expect.poll(percent).toBeGreaterThanOrEqual(10);
  const early = await percent();
  await expect.poll(percent).toBeGreaterThanOrEqual(Math.max(50, early + 10));
  await expect(page.getByRole("status").filter({ hasText: /^\d+%$/ })).toBeVisible();

  await expect(page.getByText("Lampiran ditambahkan sebagai revisi baru.")).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Lampiran saat ini" }).getByRole("link", { name: "laporan-lengkap.pdf" })).toBeVisible();
  // The form emptied after success, ready for the next file.
  await expect(page.getByLabel("Berkas", { exact: true })).toHaveValue("");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the attachment form is a plain form: the file is uploaded and listed, with no progress bar", async ({ page }) => {
    await openNewPracticeAttachments(page);
    await page.getByLabel("Berkas", { exact: true }).setInputFiles({ name: "ringkas.pdf", mimeType: "application/pdf", buffer: LARGE_PDF.subarray(0, 40) });
    await page.getByRole("button", { name: "Unggah", exact: true }).click();
    await expect(page.getByText("Lampiran ditambahkan sebagai revisi baru.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Lampiran saat ini" }).getByRole("link", { name: "ringkas.pdf" })).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveCount(0);
  });
});
