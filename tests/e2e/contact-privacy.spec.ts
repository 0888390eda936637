import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

async function newSignedInPage(browser: Browser, role: string, region?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsNewUser(page, role, { region });
  return page;
}

test("a contact is saved only with consent, stays hidden from visitors, who write through IDSL instead", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `Mal Pelayanan Publik Digital ${Date.now()}`;
  const phone = "0812-5555-0101";
  const editor = await newSignedInPage(browser, "editor", "32.11");
  const curator = await newSignedInPage(browser, "curator");

  // The editor enters a contact without ticking the consent: nothing is saved, the input is kept.
  await editor.goto("/praktik/kelola");
  await editor.getByRole("link", { name: "Tulis praktik baru" }).click();
  await editor.getByLabel("Judul", { exact: true }).fill(title);
  await editor.getByLabel("Ringkasan", { exact: true }).fill("Semua layanan perizinan dalam satu aplikasi.");
  await editor.getByLabel("Uraian (Markdown)").fill("## Hasil\n\nWaktu layanan turun.");
  await editor.getByLabel("OPD pengampu", { exact: true }).fill("Dinas Penanaman Modal dan PTSP");
  await editor.getByLabel("Narahubung", { exact: true }).fill(`Ibu Wati Kontak, ${phone}`);
  await expect(editor.getByText("Kontak hanya ditampilkan kepada pejabat yang masuk ke IDSL")).toBeVisible();
  await editor.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click();
  await expect(editor.getByText("Centang persetujuan orang yang dihubungi, atau kosongkan kontak.")).toBeVisible();
  await expect(editor.getByLabel("Narahubung", { exact: true })).toHaveValue(`Ibu Wati Kontak, ${phone}`);
  await editor.getByLabel("Orang yang disebut setuju dihubungi melalui IDSL untuk replikasi dan kunjungan studi.").check();
  await editor.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click();
  await expect(editor.getByText("Tersimpan sebagai revisi baru.")).toBeVisible();

  // The curator sees the contact and publishes.
  await curator.goto("/praktik/kelola");
  await curator.getByRole("link", { name: title }).click();
  await expect(curator.getByText(phone)).toBeVisible();
  await curator.getByRole("button", { name: "Terbitkan" }).click();
  await expect(curator.getByText("Keputusan tercatat.")).toBeVisible();

  // A visitor opens it from the practice list: the lead agency, no phone number, a way to write.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await visitor.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Praktik baik" }).click();
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByText("Dinas Penanaman Modal dan PTSP")).toBeVisible();
  await expect(visitor.locator("body")).not.toContainText(phone);
  await expect(visitor.locator("body")).not.toContainText("Ibu Wati Kontak");

  await visitor.getByRole("link", { name: "Hubungi melalui IDSL" }).click();
  await expect(visitor.getByRole("heading", { name: "Hubungi melalui IDSL" })).toBeVisible();
  await expect(visitor.locator("body")).not.toContainText(phone);
  await visitor.getByLabel("Nama Anda").fill("Rina Wulandari");
  await visitor.getByLabel("Email Anda").fill("rina@blorakab.go.id");
  await visitor.getByLabel("Tujuan").selectOption({ label: "Kunjungan studi (studi tiru)" });
  await visitor.getByLabel("Pesan").fill("Kami ingin studi tiru bulan depan. Siapa yang bisa kami hubungi?");
  await visitor.getByRole("button", { name: "Kirim pesan" }).click();
  await expect(visitor.getByText("Pesan Anda sudah diterima IDSL dan diteruskan kepada pengelola praktik ini.")).toBeVisible();

  // A signed-in official of another region sees the contact.
  const member = await newSignedInPage(browser, "member", "33.16");
  await member.goto("/praktik");
  await member.getByRole("link", { name: title }).click();
  await expect(member.getByText(`Ibu Wati Kontak, ${phone}`)).toBeVisible();
});
