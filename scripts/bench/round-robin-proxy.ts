/**
 * A local round-robin load balancer (http-proxy-3) in front of app servers, as a ministry would
 * put one in front of several: each request goes to the next target in turn, over keep-alive
 * connections, and the proxy counts what each target served so a check can tell where a read went.
 */
import { Agent, createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createProxyServer } from "http-proxy-3";

/** A function giving the items in turn, forever: a, b, a, b… */
export function roundRobin<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error("round robin over no items");
  let next = 0;
  return () => items[next++ % items.length]!;
}

/** Response header naming the target that answered, for the stale-read check. */
export const SERVED_BY_HEADER = "x-bench-served-by";

export interface RunningProxy {
  url: string;
  /** Requests each target answered, by target URL. */
  served: Map<string, number>;
  /** Requests the proxy could not pass on (a target refused or failed): answered 502. */
  errors: () => number;
  stop: () => Promise<void>;
}

export async function startRoundRobinProxy(targets: readonly string[]): Promise<RunningProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const proxy = createProxyServer({ agent, xfwd: true });
  const nextTarget = roundRobin(targets);
  const served = new Map(targets.map((target) => [target, 0]));
  let errors = 0;
  const fail = (res: ServerResponse) => {
    errors++;
    if (!res.headersSent) res.writeHead(502);
    res.end();
  };
  const server = createServer((req, res) => {
    const target = nextTarget();
    served.set(target, served.get(target)! + 1);
    res.setHeader(SERVED_BY_HEADER, target);
    proxy.web(req, res, { target }, () => fail(res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    errors: () => errors,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
