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

  // Moves one point between indicators 1 and 2 (both in aspect 1), whatever an earlier run on the same data left.
  const lead = await proposer.getByText(/usulan perubahan terhadap versi \d+/).textContent();
  const version = Number(/versi (\d+)/.exec(lead ?? "")?.[1]);
  const weight1 = proposer.getByLabel("Bobot Indikator 1 (%)", { exact: true });
  const weight2 = proposer.getByLabel("Bobot Indikator 2 (%)", { exact: true });
  const [old1, old2] = [Number(await weight1.inputValue()), Number(await weight2.inputValue())];
  const step = old1 >= old2 ? -1 : 1;
  const [new1, new2] = [old1 + step, old2 - step];

  // One weight changed alone leaves the total off 100: refused, next to the total, with the typed value kept.
  await weight1.fill(String(new1));
  await expect(proposer.locator("#total-weight")).toHaveText(`Jumlah bobot: ${100 + step} dari 100`);
  await proposer.getByLabel("Alasan perubahan", { exact: true }).fill("Lampiran Permen PANRB 8/2026 dibaca: bobot indikator 1 dan 2 dikoreksi.");
  await proposer.getByRole("button", { name: "Usulkan perubahan" }).click();
  await expect(proposer.getByRole("alert")).toContainText(`Jumlah bobot indikator ${100 + step}, harus 100.`);
  await expect(weight1).toHaveValue(String(new1));

  // Balanced against indicator 2, written the Indonesian way.
  await weight2.fill(`${new2},0`);
  await expect(proposer.locator("#total-weight")).toHaveText("Jumlah bobot: 100 dari 100");
  await proposer.getByRole("button", { name: "Usulkan perubahan" }).click();
  const proposed = proposer.getByRole("link", { name: /Usulan perubahan #\d+ tersimpan/ });
  await expect(proposed).toBeVisible();
  await proposed.click();
  await expect(proposer.getByText("Anda yang mengusulkan perubahan ini; kurator lain yang harus meninjaunya.")).toBeVisible();
  await expect(proposer.getByText(`Indikator 1 (Tingkat Kematangan Tata Kelola Pemdi): bobot ${old1} → ${new1}`)).toBeVisible();
  const reviewPath = new URL(proposer.url()).pathname;

  // Another curator finds it in the framework's list of proposals and approves it.
  const reviewer = await (await browser.newContext()).newPage();
  await signInAsNewUser(reviewer, "curator");
  await reviewer.getByRole("link", { name: "Kurasi", exact: true }).click();
  await reviewer.getByRole("link", { name: "Kerangka indeks", exact: true }).click();
  await reviewer.getByRole("link", { name: "Indeks Pemdi 2026", exact: true }).click();
  await reviewer.getByRole("link", { name: `#${reviewPath.split("/").pop()}`, exact: true }).click();
  await expect(reviewer.getByText(new RegExp(`Indikator 2 \\(.*\\): bobot ${old2} → ${new2}`))).toBeVisible();
  await reviewer.getByLabel("Catatan tinjauan").fill("Sesuai lampiran.");
  await reviewer.getByRole("button", { name: "Setujui dan terapkan" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Disetujui" })).toBeVisible();

  // Anyone sees the new weight, version 2 and why it changed.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await visitor.getByRole("link", { name: "Kerangka indeks: bobot, predikat, dan riwayat versi" }).click();
  await visitor.getByRole("link", { name: "Indeks Pemdi 2026", exact: true }).click();
  await expect(visitor.getByRole("row", { name: /Indikator 1: Tingkat Kematangan Tata Kelola Pemdi/ }).getByRole("cell")).toHaveText(String(new1));
  await expect(visitor.getByText(`(versi ${version + 1})`)).toBeVisible();
  await expect(visitor.getByRole("heading", { name: new RegExp(`^Versi ${version + 1} · `) })).toBeVisible();
  await expect(visitor.getByText(/Lampiran Permen PANRB 8\/2026 dibaca/).first()).toBeVisible();

  // The audit log holds the proposal and the approval.
  const admin = await (await browser.newContext()).newPage();
  await signInAsNewUser(admin, "admin");
  await admin.getByRole("link", { name: "Admin", exact: true }).click();
  await admin.getByRole("link", { name: "Log audit" }).click();
  await admin.getByLabel("Tindakan").selectOption("framework.change_approved");
  await admin.getByRole("button", { name: "Saring" }).click();
  await expect(admin.getByRole("row").filter({ hasText: "framework.change_approved" }).first()).toContainText("pemdi-2026");
});
