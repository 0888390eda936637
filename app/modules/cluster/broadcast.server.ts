import cluster from "node:cluster";

/**
 * In-process caches must be dropped in every web server worker when one of them changes the
 * data behind them. A worker sends a broadcast to the cluster primary (scripts/start.ts), which
 * relays it to the other workers. Without a cluster this is just a local call.
 */
export interface Broadcast {
  idsl: "broadcast";
  topic: string;
}

export function isBroadcast(message: unknown): message is Broadcast {
  return typeof message === "object" && message !== null && (message as Broadcast).idsl === "broadcast";
}

export function broadcast(topic: string): void {
  // Only cluster workers talk to the primary; other parents (test runners) have their own protocol.
  if (cluster.isWorker) process.send?.({ idsl: "broadcast", topic } satisfies Broadcast);
}

export function onBroadcast(topic: string, handler: () => void): void {
  if (!cluster.isWorker) return;
  process.on("message", (message: unknown) => {
    if (isBroadcast(message) && message.topic === topic) handler();
  });
}
