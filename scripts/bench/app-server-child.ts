/**
 * One more app server for the bench's load-balancer figures: the production build served by a
 * process of its own (its own caches and pool) on PORT, on the database and Meilisearch the
 * environment names, without the start script's migrations or sample-data clean-up.
 */
import { startHttpServer } from "../lib/http-server";

const server = await startHttpServer({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.once("SIGTERM", () => server.close(() => process.exit(0)));
