import { expect, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

const PRACTICE = "Sumedang Command Center: Ruang Kendali Terpadu Layanan dan Kinerja Pemerintahan";

test("a question double-clicked while it is sent is posted once, the button says it is sending, and the box is emptied", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsNewUser(page, "member", { region: "33.16" });
  await page.getByRole("link", { name: "Praktik baik" }).first().click();
  await page.getByRole("link", { name: PRACTICE }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRACTICE })).toBeVisible();

  // Hold the question's POST for a moment, so the pending state and a second click can be seen.
  let posts = 0;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/praktik\/\d+(\.data)?(\?.*)?$/, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    posts += 1;
    await held;
    await route.continue();
  });

  const question = `Berapa lama pemasangan CCTV-nya? (${Date.now()})`;
  const box = page.getByLabel("Ajukan pertanyaan");
  await box.fill(question);
  const send = page.getByRole("button", { name: "Kirim pertanyaan" });
  await send.dblclick();
  const sending = page.getByRole("button", { name: "Mengirim…" });
  await expect(sending).toBeVisible();
  await expect(sending).toHaveAttribute("aria-busy", "true");
  await expect(sending).toHaveAttribute("aria-disabled", "true");
  // Another click while it is sending sends nothing more (aria-disabled: Playwright would wait for it).
  await sending.click({ force: true });
  expect(posts).toBe(1);
  release();

  await expect(page.getByText("Pertanyaan Anda terkirim.")).toBeVisible();
  await expect(page.getByText(question)).toHaveCount(1);
  await expect(box).toHaveValue("");
  await expect(page.getByRole("button", { name: "Kirim pertanyaan" })).toBeVisible();
  expect(posts).toBe(1);
});

test("a refused question keeps its text and says what is wrong", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsNewUser(page, "member", { region: "33.16" });
  await page.getByRole("link", { name: "Praktik baik" }).first().click();
  await page.getByRole("link", { name: PRACTICE }).click();
  const box = page.getByLabel("Ajukan pertanyaan");
  await box.fill("x".repeat(5001));
  await page.getByRole("button", { name: "Kirim pertanyaan" }).click();
  await expect(page.locator("#ask-body-error")).toBeVisible();
  await expect(box).toHaveValue("x".repeat(5001));
});

test("a new practice double-clicked while it is saved is created once, and both buttons wait", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Sistem Informasi Desa Terpadu ${Date.now()}`;
  await signInAsNewUser(page, "editor", { region: "33.16" });
  await page.goto("/praktik/kelola");
  await page.getByRole("link", { name: "Tulis praktik baru" }).click();
  await page.getByLabel("Judul", { exact: true }).fill(title);
  await page.getByLabel("Ringkasan", { exact: true }).fill("Semua desa melapor lewat satu aplikasi.");
  await page.getByLabel("Uraian (Markdown)").fill("## Hasil\n\nLaporan desa tepat waktu.");

  // Hold the save's POST for a moment, so the pending state and a second click can be seen.
  let posts = 0;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/praktik\/baru(\.data)?(\?.*)?$/, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    posts += 1;
    await held;
    await route.continue();
  });

  await page.getByRole("button", { name: "Simpan draf" }).dblclick();
  const sending = page.getByRole("button", { name: "Mengirim…" });
  await expect(sending).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("button", { name: "Simpan dan ajukan ke kurator" })).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("button", { name: "Simpan dan ajukan ke kurator" }).click({ force: true });
  expect(posts).toBe(1);
  release();

  await expect(page.getByText("Tersimpan sebagai revisi baru.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(posts).toBe(1);
  await page.getByRole("link", { name: "Ruang kerja praktik" }).click();
  await expect(page.getByRole("link", { name: title })).toHaveCount(1);
});
