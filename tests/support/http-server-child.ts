/**
 * The production build served by a process of its own, as a second app server would be: its
 * own caches and pool, only the database shared. Reads DATABASE_URL from the environment;
 * prints "listening <origin>" once it accepts requests.
 */
import { startHttpServer } from "../../scripts/lib/http-server";
import { findFreePort } from "../../scripts/lib/ports";

const port = await findFreePort();
await startHttpServer({ port, host: "127.0.0.1" });
console.log(`listening http://127.0.0.1:${port}`);
