import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

const E_OFFICE = "E-Office Kabupaten Sumedang";
const BLORA_ADOPTION = "Adopsi E-Office dan E-SAKIP dari Kabupaten Sumedang oleh Kabupaten Blora";
const SUMEDANG_SOURCE = "Kepemimpinan Digital dan Perbaikan Akuntabilitas Kinerja (SAKIP) Kabupaten Sumedang";

async function newSignedInPage(browser: Browser, role: string, region: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsNewUser(page, role, { region });
  return page;
}

test("Blora finds Sumedang's e-office in the catalog and requests it, Sumedang approves, and the adoption shows on both profiles", async ({ browser }) => {
  test.setTimeout(180_000);
  const blora = await newSignedInPage(browser, "editor", "33.16");
  const sumedang = await newSignedInPage(browser, "editor", "32.11");
  const purpose = `Naskah dinas elektronik untuk seluruh OPD Blora ${Date.now()}`;

  // Blora's editor goes from the region page to the catalog and filters it.
  await blora.goto("/daerah/33.16");
  await blora.getByRole("link", { name: "Katalog aplikasi" }).click();
  await expect(blora.getByRole("heading", { level: 1, name: "Katalog aplikasi berbagi pakai" })).toBeVisible();
  const filters = blora.getByRole("search", { name: "Saring aplikasi" });
  await filters.getByLabel("Fungsi").selectOption({ label: "Administrasi perkantoran dan naskah dinas" });
  await filters.getByLabel("Provinsi").selectOption({ label: "Jawa Barat" });
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(blora).toHaveURL(/fungsi=administrasi_perkantoran/);
  await blora.getByRole("link", { name: E_OFFICE }).click();
  await expect(blora.getByRole("heading", { level: 1, name: E_OFFICE })).toBeVisible();
  await expect(blora.getByText("Hibah").first()).toBeVisible();

  // The request: without the consent box it is refused beside the box, the input kept.
  await blora.getByRole("link", { name: "Minta aplikasi ini" }).click();
  await blora.getByLabel("Tujuan permintaan").fill(purpose);
  await blora.getByLabel(`Praktik Kabupaten Sumedang yang diadopsi`).selectOption({ label: SUMEDANG_SOURCE });
  await blora.getByLabel("Praktik daerah Anda yang mengadopsinya").selectOption({ label: BLORA_ADOPTION });
  await blora.getByLabel("Kontak", { exact: true }).fill("Kepala Bidang Aptika Dinkominfo Blora, 0296-000000");
  await blora.getByRole("button", { name: "Kirim permintaan" }).click();
  await expect(blora.getByText("Centang persetujuan orang yang dihubungi.")).toBeVisible();
  await expect(blora.getByLabel("Tujuan permintaan")).toHaveValue(purpose);
  await blora.getByLabel("Orang yang disebut setuju dihubungi oleh daerah pemilik tentang permintaan ini.").check();
  await blora.getByRole("button", { name: "Kirim permintaan" }).click();
  await expect(blora.getByText("Permintaan terkirim.")).toBeVisible();
  const bloraRequest = blora.getByRole("listitem").filter({ hasText: purpose });
  await expect(bloraRequest.getByText("Menunggu keputusan")).toBeVisible();

  // Sumedang's editor reaches the application from Sumedang's profile and approves.
  await sumedang.goto("/daerah/32.11");
  await sumedang.getByRole("region", { name: "Aplikasi berbagi pakai" }).getByRole("link", { name: E_OFFICE }).click();
  const request = sumedang.getByRole("listitem").filter({ hasText: purpose });
  await request.getByLabel("Catatan (wajib bila menolak)").fill("Silakan, tim kami siap mendampingi.");
  await request.getByRole("button", { name: "Setujui" }).click();
  await expect(sumedang.getByText("Keputusan tercatat.")).toBeVisible();
  await expect(sumedang.getByRole("listitem").filter({ hasText: purpose }).getByText("Disetujui")).toBeVisible();
  await expect(sumedang.getByRole("region", { name: "Daerah yang memakainya" }).getByRole("link", { name: "Kabupaten Blora" })).toBeVisible();

  // Both profiles show it: Blora uses the application and adopted the practice; Sumedang's was adopted by Blora.
  await blora.goto("/daerah/33.16");
  await expect(blora.getByRole("region", { name: "Aplikasi berbagi pakai" }).getByRole("link", { name: E_OFFICE })).toBeVisible();
  await expect(blora.getByRole("region", { name: "Replikasi" }).getByRole("link", { name: BLORA_ADOPTION })).toBeVisible();
  await sumedang.goto("/daerah/32.11");
  await expect(sumedang.getByRole("region", { name: "Replikasi" }).getByRole("link", { name: BLORA_ADOPTION })).toBeVisible();
  await expect(sumedang.getByRole("region", { name: "Aplikasi berbagi pakai" }).getByRole("link", { name: E_OFFICE })).toBeVisible();
});
