/** The public face of this area: other areas import only this file (decision 0008). */
export { meilisearch } from "./meilisearch.server";
export { drainSearchOutbox, searchOutboxBacklog, searchOutboxStatus } from "./outbox.server";
