/**
 * The sites the end-to-end tests run against, each the production build started by the same
 * script users run, on its own embedded PostgreSQL and Meilisearch (fresh data each run):
 * - demo: as `npm start` on a laptop, with synthetic sample data
 * - official: sample data turned off (IDSL_SAMPLE_DATA=off), as in production
 * Fixed ports lie below Linux's ephemeral range (32768–60999): the other tests' servers take
 * free ports the system assigns from it, and one of them once held 54340 when e2e started.
 */
export const E2E_SERVERS = {
  demo: { port: Number(process.env.E2E_PORT || 3100), pgPort: process.env.E2E_PG_PORT || "25439", meiliPort: process.env.E2E_MEILI_PORT || "7710", dataDir: ".data/e2e", sampleData: "on" },
  official: { port: Number(process.env.E2E_OFFICIAL_PORT || 3101), pgPort: process.env.E2E_OFFICIAL_PG_PORT || "25440", meiliPort: process.env.E2E_OFFICIAL_MEILI_PORT || "7711", dataDir: ".data/e2e-official", sampleData: "off" },
} as const;

export type E2EServer = keyof typeof E2E_SERVERS;

export const baseUrlOf = (server: E2EServer) => `http://127.0.0.1:${E2E_SERVERS[server].port}`;

/**
 * The demo site's mail server (tests/e2e/mail-receiver.ts): a real SMTP server that keeps every
 * message as a JSON file in `dir`, where tests read them (tests/e2e/mailbox.ts).
 */
export const E2E_MAIL = { port: Number(process.env.E2E_SMTP_PORT || 2526), dir: ".data/e2e/mail" } as const;
