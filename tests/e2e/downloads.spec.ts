import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse as parseCsv } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";

/** "4,51" as the page and the Indonesian CSV write it, as a number. */
const indonesianNumber = (text: string) => Number(text.trim().replace(",", "."));

test("a visitor downloads the rankings they see as .xlsx and as Indonesian CSV, and both hold the page's rows", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Peringkat" }).click();
  // One province, so every ranked row is on the page the visitor sees.
  await page.getByLabel("Tahun").selectOption("2024");
  await page.getByRole("combobox", { name: /^Provinsi/ }).selectOption({ label: "Jawa Barat" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/provinsi=32/);

  const table = page.getByRole("table", { name: /Peringkat Indeks SPBE 2020 tahun 2024/ });
  const shown = await table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td, th")].map((cell) => cell.textContent ?? "");
      return { rank: cells[0]!.trim(), region: row.querySelector("a")!.textContent!.trim(), index: cells[2]!.trim() };
    }),
  );
  expect(shown.length).toBeGreaterThan(3);
  const expected = shown.map((row) => [Number(row.rank), row.region, indonesianNumber(row.index)]);

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (.xlsx)" }).click()]);
  expect(xlsxDownload.suggestedFilename()).toBe("peringkat-spbe-2020-2024.xlsx");
  const [header, ...sheetRows] = await readSheet(await readFile((await xlsxDownload.path())!));
  const column = (name: string) => header!.indexOf(name);
  const fromXlsx = sheetRows.filter((row) => row[column("peringkat")] !== null).map((row) => [row[column("peringkat")], row[column("daerah")], row[column("indeks")]]);
  expect(fromXlsx).toEqual(expected);
  expect(sheetRows.every((row) => row[column("jenis_data")] === "Resmi" && row[column("provinsi")] === "Jawa Barat")).toBe(true);

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV (Excel Indonesia: ; dan koma desimal)" }).click()]);
  const csv = (await readFile((await csvDownload.path())!)).toString("utf8");
  const records: Record<string, string>[] = parseCsv(csv, { bom: true, columns: true, delimiter: ";" });
  const fromCsv = records.filter((row) => row.peringkat !== "").map((row) => [Number(row.peringkat), row.daerah, indonesianNumber(row.indeks!)]);
  expect(fromCsv).toEqual(expected);
  expect(records.every((row) => row.kerangka!.includes("SPBE") && row.sumber !== "")).toBe(true);
});
