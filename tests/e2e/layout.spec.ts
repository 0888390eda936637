import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInAsNewUser } from "./cli-accounts";

// Seeded practices are inserted in file order: 1 is Sumedang's Command Center, 4 Blora's adoption.
const pages = [
  "/",
  "/daerah",
  "/daerah?province=32&type=kota",
  "/daerah/32.11",
  "/daerah/99.99",
  "/masuk",
  "/undangan/unknown",
  "/praktik",
  "/praktik/1",
  "/praktik/4",
  "/jaringan-adopsi",
  "/peringkat",
  "/daerah/32.11/benchmark",
  "/bandingkan?daerah=32.11,33.16,35.10",
  "/indikator/37",
  "/cari?q=stunting",
  // Matching regions and indicators are listed above the practices.
  "/cari?q=sumedang",
  "/cari?q=pengaduan",
];

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of pages) {
    test(`${path} fits without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

for (const path of pages) {
  test(`${path} has no WCAG 2.1 AA violations`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test("the signed-in practice, import, peer group and self-assessment pages have no WCAG 2.1 AA violations", async ({ page }) => {
  await signInAsNewUser(page, "curator");
  for (const path of [
    "/praktik/baru",
    "/praktik/kelola",
    "/praktik/1/tinjauan",
    "/praktik/1/riwayat",
    "/praktik/1/lampiran",
    "/praktik/1/adopsi?daerah=33.16",
    "/kurasi/impor-spbe",
    "/kelompok",
    "/daerah/32.11/penilaian-mandiri",
  ]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});
