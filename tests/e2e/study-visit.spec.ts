import { readFile } from "node:fs/promises";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

const SUMEDANG_E_OFFICE = "Kepemimpinan Digital dan Perbaikan Akuntabilitas Kinerja (SAKIP) Kabupaten Sumedang";
const BLORA_ADOPTION = "Adopsi E-Office dan E-SAKIP dari Kabupaten Sumedang oleh Kabupaten Blora";

async function newSignedInPage(browser: Browser, role: string, region: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signInAsNewUser(page, role, { region });
  return page;
}

/** A date `days` from today in Jakarta, as a date input takes it. */
function jakartaDate(days: number): string {
  const date = new Date(Date.now() + 7 * 3600_000);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test("Blora asks Sumedang for a study visit about its e-office practice, Sumedang accepts from its inbox, Blora learns it from its own inbox, Blora downloads the calendar and records what it learned with an adoption", async ({ browser }) => {
  test.setTimeout(180_000);
  const blora = await newSignedInPage(browser, "editor", "33.16");
  const sumedang = await newSignedInPage(browser, "editor", "32.11");
  const purpose = `Belajar e-office dan e-SAKIP ${Date.now()}`;
  // A start date of its own per run: an unanswered request of an earlier run blocks only its own date.
  const requestedStart = jakartaDate(30 + Math.floor(Math.random() * 600));

  // Blora's editor finds Sumedang's practice in the list and asks for a visit.
  await blora.goto("/praktik?daerah=32.11");
  await blora.getByRole("link", { name: SUMEDANG_E_OFFICE }).first().click();
  await expect(blora.getByRole("heading", { level: 1, name: SUMEDANG_E_OFFICE })).toBeVisible();
  await blora.getByRole("link", { name: "Ajukan studi tiru" }).click();
  await expect(blora.getByRole("heading", { level: 1, name: "Ajukan studi tiru ke Kabupaten Sumedang" })).toBeVisible();
  await expect(blora.getByLabel(SUMEDANG_E_OFFICE)).toBeChecked();
  await blora.getByLabel("Tujuan kunjungan").fill(purpose);
  await blora.getByLabel("Tanggal mulai").fill(requestedStart);
  // Reversed dates and a participant count that is not a whole number: messages, input kept.
  await blora.getByLabel("Tanggal selesai").fill(jakartaDate(-1));
  await blora.getByLabel("Jumlah peserta").fill("2,5");
  await blora.getByLabel("Narahubung").fill("Sri, Dinkominfo Blora, 0812 0000 0000");
  await blora.getByLabel(/Orang yang disebut setuju dihubungi/).check();
  await blora.getByRole("button", { name: "Kirim permintaan" }).click();
  await expect(blora.getByText("Tanggal ini sudah lewat. Pilih hari ini atau sesudahnya.")).toBeVisible();
  await expect(blora.getByText("Masukkan bilangan bulat.")).toBeVisible();
  await expect(blora.getByLabel("Tujuan kunjungan")).toHaveValue(purpose);
  await blora.getByLabel("Tanggal selesai").fill(requestedStart);
  await blora.getByLabel("Jumlah peserta").fill("12");
  await blora.getByRole("button", { name: "Kirim permintaan" }).click();
  await expect(blora.getByRole("heading", { level: 1, name: "Studi tiru Kabupaten Blora ke Kabupaten Sumedang" })).toBeVisible();
  await expect(blora.getByText("Menunggu jawaban")).toBeVisible();
  const visitPath = new URL(blora.url()).pathname;

  // Sumedang's editor learns of the request in the inbox, opens it and accepts it from today.
  await sumedang.goto("/daerah/32.11");
  await sumedang.getByRole("banner").getByRole("link", { name: /^Kotak masuk, \d+ belum dibaca$/ }).click();
  await sumedang.getByRole("link", { name: /Kabupaten Blora mengajukan studi tiru ke Kabupaten Sumedang/ }).first().click();
  await expect(sumedang).toHaveURL(new RegExp(`${visitPath}(\\?|#|$)`));
  await expect(sumedang.getByText(purpose)).toBeVisible();
  await expect(sumedang.getByText("Sri, Dinkominfo Blora, 0812 0000 0000")).toBeVisible();
  const host = sumedang.getByRole("region", { name: "Jawaban Kabupaten Sumedang" });
  await host.getByLabel("Tanggal mulai").fill(jakartaDate(0));
  await host.getByLabel("Tanggal selesai").fill(jakartaDate(1));
  await host.getByRole("button", { name: "Terima dengan tanggal ini" }).click();
  await expect(sumedang.getByText("Diterima", { exact: true })).toBeVisible();

  // Blora's inbox says so; from there it sees the visit accepted, with the history, and downloads the calendar file.
  await blora.reload();
  await blora.getByRole("banner").getByRole("link", { name: /^Kotak masuk, \d+ belum dibaca$/ }).click();
  await blora.getByRole("link", { name: /Kabupaten Sumedang menerima studi tiru Kabupaten Blora/ }).first().click();
  await expect(blora).toHaveURL(new RegExp(`${visitPath}(\\?|#|$)`));
  await expect(blora.getByText("Diterima", { exact: true })).toBeVisible();
  await expect(blora.getByText(/menerima kunjungan/)).toBeVisible();
  const [download] = await Promise.all([blora.waitForEvent("download"), blora.getByRole("link", { name: "Unduh kalender (.ics)" }).click()]);
  const calendar = await readFile((await download.path())!, "utf8");
  expect(calendar).toContain(`DTSTART;VALUE=DATE:${jakartaDate(0).replaceAll("-", "")}`);
  expect(calendar).toContain(`DTEND;VALUE=DATE:${jakartaDate(2).replaceAll("-", "")}`);
  expect(calendar).toContain("SUMMARY:Studi tiru Kabupaten Blora ke Kabupaten Sumedang");
  expect(calendar).not.toContain("0812");

  // After the first day: Blora records the adoption on its practice with the adoption form…
  const lessons = blora.getByRole("region", { name: "Hasil kunjungan" });
  await lessons.getByRole("link", { name: `Catat adopsi untuk “${BLORA_ADOPTION}”` }).click();
  await blora.getByLabel(SUMEDANG_E_OFFICE).check();
  await blora.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(blora.getByRole("heading", { level: 1, name: BLORA_ADOPTION })).toBeVisible();
  // …returns to the visit from Blora's profile, writes what it learned and links the adoption.
  await blora.getByRole("link", { name: "Kabupaten Blora", exact: true }).first().click();
  await blora.locator(`a[href="${visitPath}"]`).first().click();
  await blora.getByLabel("Apa yang dipelajari").fill("Naskah dinas elektronik di semua OPD dalam satu tahun.");
  await blora.getByLabel("Adopsi yang lahir dari kunjungan ini").selectOption({ label: BLORA_ADOPTION });
  await blora.getByRole("button", { name: "Simpan hasil kunjungan" }).click();
  await expect(blora.getByText("Selesai", { exact: true })).toBeVisible();
  await expect(blora.getByRole("link", { name: BLORA_ADOPTION, exact: true })).toBeVisible();

  // Everyone sees the completed visit on both profiles, without the contact.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/daerah/33.16");
  await visitor.locator(`a[href="${visitPath}"]`).first().click();
  await expect(visitor.getByText("Naskah dinas elektronik di semua OPD dalam satu tahun.")).toBeVisible();
  await expect(visitor.getByText("0812")).toHaveCount(0);
  await visitor.goto("/daerah/32.11");
  await expect(visitor.getByRole("region", { name: "Studi tiru" }).locator(`a[href="${visitPath}"]`)).toBeVisible();
});
