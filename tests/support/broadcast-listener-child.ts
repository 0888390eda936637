/**
 * A process of its own that listens for cache invalidations, for the test that broadcasts from
 * another process: prints "heard <topic>" each time a handler runs. Reads DATABASE_URL from the
 * environment.
 */
import { listenForBroadcasts, onBroadcast } from "../../app/modules/cluster/broadcast.server";

for (const topic of ["test-snapshot", "test-layout"]) onBroadcast(topic, () => console.log(`heard ${topic}`));
listenForBroadcasts();
