import { defineConfig, devices } from "@playwright/test";
import { baseUrlOf, E2E_MAIL, E2E_SERVERS, type E2EServer } from "./tests/e2e/servers";

/** End-to-end tests against the production build: see tests/e2e/servers.ts. */
function webServer(server: E2EServer, mail: Record<string, string> = {}) {
  const settings = E2E_SERVERS[server];
  return {
    command: "node --import tsx scripts/start.ts",
    url: `${baseUrlOf(server)}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
    env: {
      PORT: String(settings.port),
      IDSL_DATA_DIR: settings.dataDir,
      EMBEDDED_PG_PORT: settings.pgPort,
      EMBEDDED_MEILI_PORT: settings.meiliPort,
      IDSL_SAMPLE_DATA: settings.sampleData,
      // Every test browses from 127.0.0.1: the read limits would count all of them as one visitor.
      API_REQUESTS_PER_MINUTE: "1000000",
      SEARCH_REQUESTS_PER_MINUTE: "1000000",
      // Warnings and errors in the test output, not a JSON line per request.
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      MEILI_URL: "",
      MEILI_MASTER_KEY: "",
      ...mail,
    },
  };
}

/** The demo site mails through the e2e mail receiver, with links to the address the tests browse. */
const demoMail = { SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL.port}`, APP_ORIGIN: baseUrlOf("demo") };

const mailReceiver = {
  command: "node --import tsx tests/e2e/mail-receiver.ts",
  port: E2E_MAIL.port,
  reuseExistingServer: false,
  stdout: "pipe" as const,
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two browser workers, two servers and the account CLI share two cores (CI, or a laptop while
  // it compiles): a test that signs someone in spawns Node, so give tests and assertions room.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    locale: "id-ID",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on these machines.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "demo", testIgnore: /official-figures\.spec\.ts/, use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: baseUrlOf("demo") } },
    { name: "official", testMatch: /official-figures\.spec\.ts/, use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: baseUrlOf("official") } },
  ],
  webServer: [mailReceiver, webServer("demo", demoMail), webServer("official")],
});
