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
  "/kerangka",
  "/kerangka/spbe-2020",
  "/aplikasi",
  // The first seeded application (seed/data/applications.json).
  "/aplikasi/1",
  "/kunjungan",
  "/praktik/1/hubungi",
  "/peta",
  "/data",
  "/api/v1",
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

/** Each worker signs a curator in once; the signed-in pages' tests reuse that session. */
const asCurator = test.extend<object, { curatorStorageState: string }>({
  curatorStorageState: [
    async ({ browser }, provide, workerInfo) => {
      // Outside a test the project's options are not applied by themselves.
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      await signInAsNewUser(await context.newPage(), "curator", { project: workerInfo.project.name });
      const file = workerInfo.project.outputDir + `/curator-${workerInfo.workerIndex}.json`;
      await context.storageState({ path: file });
      await context.close();
      await provide(file);
    },
    { scope: "worker" },
  ],
  storageState: ({ curatorStorageState }, provide) => provide(curatorStorageState),
});

/** Signed-in pages also checked on a phone. */
const signedInPhonePages = ["/kurasi/kerangka", "/kotak-masuk", "/umpan-saya", "/akun/notifikasi"];

asCurator.describe("signed in, on a 360 px wide phone", () => {
  asCurator.use({ viewport: { width: 360, height: 740 } });

  for (const path of signedInPhonePages) {
    asCurator(`${path} fits without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${path.replace(/[?.]/g, "\\$&")}$`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

// One page per test: nine page loads with an axe run each do not fit one test's time on a busy machine.
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
  ...signedInPhonePages,
]) {
  asCurator(`signed in as a curator, ${path} has no WCAG 2.1 AA violations`, async ({ page }) => {
    await page.goto(path);
    // Signed in, not sent to the sign-in page.
    await expect(page).toHaveURL(new RegExp(`${path.replace(/[?.]/g, "\\$&")}$`));
    await expectNoAxeViolations(page);
  });
}
