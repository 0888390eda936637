import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

async function newSignedInPage(browser: Browser, role: string, region?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsNewUser(page, role, { region });
  return page;
}

test("a curator requests changes; the editor finds it through the header's inbox, and reading it clears the unread count", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Sapa Warga Digital ${Date.now()}`;
  const editor = await newSignedInPage(browser, "editor", "32.11");
  const curator = await newSignedInPage(browser, "curator");

  await editor.goto("/praktik/baru");
  await editor.getByLabel("Judul", { exact: true }).fill(title);
  await editor.getByLabel("Ringkasan", { exact: true }).fill("Aduan warga dijawab dalam satu hari.");
  await editor.getByLabel("Uraian (Markdown)").fill("Semua aduan masuk ke satu kanal.");
  await editor.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click();
  await expect(editor.getByText("Tersimpan sebagai revisi baru.")).toBeVisible();
  const reviewUrl = new URL(editor.url()).pathname;

  await curator.goto("/praktik/kelola");
  await curator.getByRole("link", { name: title }).click();
  await curator.getByLabel("Komentar", { exact: true }).fill("Tambahkan angka sebelum dan sesudah.");
  await curator.getByRole("button", { name: "Minta perbaikan" }).click();
  await expect(curator.getByText("Keputusan tercatat.")).toBeVisible();

  // The editor's header now counts one unread notification; the inbox lists it.
  await editor.goto("/");
  const header = editor.getByRole("banner");
  await header.getByRole("link", { name: "Kotak masuk, 1 belum dibaca" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "Kotak masuk" })).toBeVisible();
  const notification = editor.getByRole("link", { name: `E2E curator meminta perubahan pada praktik “${title}”.` });
  await expect(notification).toBeVisible();

  // Opening it leads to the practice's review, where the comment is, and it is read.
  await notification.click();
  await expect(editor).toHaveURL(new RegExp(`${reviewUrl}$`));
  await expect(editor.getByText("Tambahkan angka sebelum dan sesudah.")).toBeVisible();
  await expect(header.getByRole("link", { name: "Kotak masuk", exact: true })).toBeVisible();
  await expect(header.getByTestId("unread-count")).toHaveCount(0);
});
