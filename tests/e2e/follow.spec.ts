import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

async function newSignedInPage(browser: Browser, role: string, region?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsNewUser(page, role, { region });
  return page;
}

test("a member follows a region from its page; a new practice there reaches their inbox and their feed", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Layanan Adminduk Keliling ${Date.now()}`;

  // A visitor is asked to sign in, and would come back to the region's page.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await visitor.getByRole("link", { name: "Kabupaten Sumedang" }).click();
  await expect(visitor.getByRole("link", { name: "Masuk untuk mengikuti" })).toHaveAttribute("href", `/masuk?redirectTo=${encodeURIComponent("/daerah/32.11")}`);

  // A member of another region clicks from the home page to Sumedang and follows it.
  const member = await newSignedInPage(browser, "member", "33.16");
  await member.getByRole("banner").getByRole("link", { name: "Beranda" }).click();
  await member.getByRole("link", { name: "Kabupaten Sumedang" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Kabupaten Sumedang" })).toBeVisible();
  await member.getByRole("button", { name: "Ikuti" }).click();
  await expect(member.getByRole("button", { name: "Berhenti mengikuti" })).toBeVisible();
  await expect(member).toHaveURL(/\/daerah\/32\.11$/);

  // Sumedang's editor writes a practice and a curator publishes it.
  const editor = await newSignedInPage(browser, "editor", "32.11");
  const curator = await newSignedInPage(browser, "curator");
  await editor.goto("/praktik/baru");
  await editor.getByLabel("Judul", { exact: true }).fill(title);
  await editor.getByLabel("Ringkasan", { exact: true }).fill("Perekaman KTP-el datang ke desa-desa.");
  await editor.getByLabel("Uraian (Markdown)").fill("Mobil layanan keliling tiap pekan.");
  await editor.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click();
  await expect(editor.getByText("Tersimpan sebagai revisi baru.")).toBeVisible();
  await curator.goto("/praktik/kelola");
  await curator.getByRole("link", { name: title }).click();
  await curator.getByRole("button", { name: "Terbitkan" }).click();
  await expect(curator.getByText("Keputusan tercatat.")).toBeVisible();

  // The member's header counts it; the inbox says what is new and where.
  await member.reload();
  await member.getByRole("banner").getByRole("link", { name: /^Kotak masuk, \d+ belum dibaca$/ }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Kotak masuk" })).toBeVisible();
  await expect(member.getByRole("link", { name: `Praktik baru pada yang Anda ikuti: “${title}” dari Kabupaten Sumedang.` })).toBeVisible();

  // The feed, reached from the account page, lists the practice and what the member follows.
  await member.getByRole("banner").getByRole("link", { name: "Akun saya" }).click();
  await member.getByRole("link", { name: "Umpan saya: yang berubah pada yang Anda ikuti" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Umpan saya" })).toBeVisible();
  await expect(member.getByRole("region", { name: "Yang Anda ikuti" }).getByText("Kabupaten Sumedang")).toBeVisible();
  await member.getByRole("link", { name: `Praktik baru dari Kabupaten Sumedang: “${title}”` }).click();
  await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
