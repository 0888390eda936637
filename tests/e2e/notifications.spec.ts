import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";
import { waitForMail } from "./mailbox";

async function newSignedInPage(browser: Browser, role: string, region?: string): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const { email } = await signInAsNewUser(page, role, { region });
  return { page, email };
}

/** Shows a readable message's HTML part in a new tab of `page`'s browser, as a mail client would. */
async function openMail(page: Page, mail: string): Promise<Page> {
  const html = mail.match(/<!doctype html>[\s\S]*<\/html>/i)?.[0];
  if (!html) throw new Error(`no HTML part in: ${mail}`);
  const view = await page.context().newPage();
  await view.setContent(html);
  return view;
}

test("a curator requests changes; the editor finds it through the header's inbox and by email, in their language, and unsubscribes from those emails with one click", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const title = `Sapa Warga Digital ${Date.now()}`;
  const { page: editor, email: editorEmail } = await newSignedInPage(browser, "editor", "32.11");
  const { page: curator } = await newSignedInPage(browser, "curator");
  // A second editor of the region reads IDSL in English, so their emails are in English.
  const { page: englishEditor, email: englishEditorEmail } = await newSignedInPage(browser, "editor", "32.11");
  await englishEditor.getByRole("button", { name: "Ganti bahasa ke English" }).click();
  await expect(englishEditor.locator("html")).toHaveAttribute("lang", "en");

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

  // Each editor was also emailed at once (the default), in their own language, with the link to
  // the review and its comment, and a one-click unsubscribe link for this kind of email.
  const reviewLink = `${baseURL}${reviewUrl}`;
  const englishMail = await waitForMail(englishEditorEmail, title);
  expect(englishMail).toContain(`Subject: IDSL: E2E curator requested changes to the practice “${title}”.`);
  expect(englishMail).toContain('<html lang="en">');
  expect(englishMail).toContain(reviewLink);
  const mail = await waitForMail(editorEmail, title);
  expect(mail).toContain(`Subject: IDSL: E2E curator meminta perubahan pada praktik “${title}”.`);
  expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  const unsubscribeLink = mail.match(/List-Unsubscribe: <([^>]+)>/)?.[1];
  expect(unsubscribeLink).toMatch(new RegExp(`^${baseURL}/berhenti-langganan/`));

  // The editor opens the email as a mail client shows it, in a new tab: its link leads to the comment…
  const opened = await openMail(editor, mail);
  await expect(opened.getByText("Halo E2E editor,")).toBeVisible();
  await opened.getByRole("link", { name: `E2E curator meminta perubahan pada praktik “${title}”.` }).click();
  await expect(opened).toHaveURL(reviewLink);
  await expect(opened.getByText("Tambahkan angka sebelum dan sesudah.")).toBeVisible();
  // …and its unsubscribe link (the one the List-Unsubscribe header announces) asks, then stops these emails.
  const reopened = await openMail(editor, mail);
  const unsubscribe = reopened.getByRole("link", { name: "Berhenti menerima email seperti ini (satu klik)" });
  await expect(unsubscribe).toHaveAttribute("href", unsubscribeLink!);
  await unsubscribe.click();
  await expect(reopened.getByRole("heading", { level: 1, name: "Berhenti menerima email" })).toBeVisible();
  await reopened.getByRole("button", { name: "Berhenti menerima email ini" }).click();
  await expect(reopened.getByText("Selesai: email jenis ini tidak akan dikirim lagi.")).toBeVisible();

  // The email's settings link shows this kind in the inbox only now; other kinds are still emailed.
  const settings = await openMail(editor, mail);
  await settings.getByRole("link", { name: "Atur semua pemberitahuan" }).click();
  await expect(settings.getByRole("heading", { level: 1, name: "Pemberitahuan" })).toBeVisible();
  await expect(settings.getByLabel("Kurator meminta perubahan")).toHaveValue("in_app");
  await expect(settings.getByLabel("Praktik diterbitkan")).toHaveValue("email");
});
