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
