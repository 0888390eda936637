import { expect, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

test("a curator corrects a Pemdi 2026 weight, another approves it, the public page shows version 2 and the audit log the change", async ({ browser }) => {
  // Three accounts and a dozen page loads on a busy two-core machine.
  test.setTimeout(180_000);
  const proposer = await (await browser.newContext()).newPage();
  await signInAsNewUser(proposer, "curator");
  await proposer.getByRole("link", { name: "Kurasi", exact: true }).click();
  await proposer.getByRole("link", { name: "Kerangka indeks", exact: true }).click();
  await proposer.getByRole("link", { name: "Indeks Pemdi 2026", exact: true }).click();
  await expect(proposer.getByRole("heading", { name: "Ubah Indeks Pemdi 2026" })).toBeVisible();

  // A weight raised alone leaves the total at 101: refused, next to the total, with the typed value kept.
  const weight1 = proposer.getByLabel("Bobot Indikator 1 (%)", { exact: true });
  await expect(weight1).toHaveValue("5");
  await weight1.fill("6");
  await expect(proposer.locator("#total-weight")).toHaveText("Jumlah bobot: 101 dari 100");
  await proposer.getByLabel("Alasan perubahan", { exact: true }).fill("Lampiran Permen PANRB 8/2026 dibaca: bobot indikator 1 dan 2 dikoreksi.");
  await proposer.getByRole("button", { name: "Usulkan perubahan" }).click();
  await expect(proposer.getByRole("alert")).toContainText("Jumlah bobot indikator 101, harus 100.");
  await expect(proposer.getByLabel("Bobot Indikator 1 (%)", { exact: true })).toHaveValue("6");

  // Balanced against indicator 2, written the Indonesian way.
  await proposer.getByLabel("Bobot Indikator 2 (%)", { exact: true }).fill("4,0");
  await expect(proposer.locator("#total-weight")).toHaveText("Jumlah bobot: 100 dari 100");
  await proposer.getByRole("button", { name: "Usulkan perubahan" }).click();
  const proposed = proposer.getByRole("link", { name: /Usulan perubahan #\d+ tersimpan/ });
  await expect(proposed).toBeVisible();
  await proposed.click();
  await expect(proposer.getByText("Anda yang mengusulkan perubahan ini; kurator lain yang harus meninjaunya.")).toBeVisible();
  await expect(proposer.getByText(/Indikator 1 \(Tingkat Kematangan Tata Kelola Pemdi\): bobot 5 → 6/)).toBeVisible();
  const reviewPath = new URL(proposer.url()).pathname;

  // Another curator finds it in the framework's list of proposals and approves it.
  const reviewer = await (await browser.newContext()).newPage();
  await signInAsNewUser(reviewer, "curator");
  await reviewer.getByRole("link", { name: "Kurasi", exact: true }).click();
  await reviewer.getByRole("link", { name: "Kerangka indeks", exact: true }).click();
  await reviewer.getByRole("link", { name: "Indeks Pemdi 2026", exact: true }).click();
  await reviewer.getByRole("link", { name: `#${reviewPath.split("/").pop()}`, exact: true }).click();
  await expect(reviewer.getByText(/Indikator 2 \(.*\): bobot 5 → 4/)).toBeVisible();
  await reviewer.getByLabel("Catatan tinjauan").fill("Sesuai lampiran.");
  await reviewer.getByRole("button", { name: "Setujui dan terapkan" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Disetujui" })).toBeVisible();

  // Anyone sees the new weight, version 2 and why it changed.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await visitor.getByRole("link", { name: "Kerangka indeks: bobot, predikat, dan riwayat versi" }).click();
  await visitor.getByRole("link", { name: "Indeks Pemdi 2026", exact: true }).click();
  await expect(visitor.getByRole("row", { name: /Indikator 1: Tingkat Kematangan Tata Kelola Pemdi/ })).toContainText("6");
  await expect(visitor.getByText("(versi 2)")).toBeVisible();
  await expect(visitor.getByRole("heading", { name: /^Versi 2 · / })).toBeVisible();
  await expect(visitor.getByText(/Lampiran Permen PANRB 8\/2026 dibaca/)).toBeVisible();

  // The audit log holds the proposal and the approval.
  const admin = await (await browser.newContext()).newPage();
  await signInAsNewUser(admin, "admin");
  await admin.getByRole("link", { name: "Admin", exact: true }).click();
  await admin.getByRole("link", { name: "Log audit" }).click();
  await admin.getByLabel("Tindakan").selectOption("framework.change_approved");
  await admin.getByRole("button", { name: "Saring" }).click();
  await expect(admin.getByRole("row").filter({ hasText: "framework.change_approved" }).first()).toContainText("pemdi-2026");
});
