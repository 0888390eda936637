import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundRobin, SERVED_BY_HEADER, startRoundRobinProxy } from "./round-robin-proxy";

describe("roundRobin", () => {
  it("gives the items in turn, forever", () => {
    const next = roundRobin(["a", "b", "c"]);
    expect(Array.from({ length: 7 }, next)).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
  });

  it("refuses no items", () => {
    expect(() => roundRobin([])).toThrow();
  });
});

describe("startRoundRobinProxy", () => {
  const servers: Server[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    for (const name of ["first", "second"]) {
      const server = createServer((req, res) => res.end(`${name} ${req.url}`));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it("sends requests to each server in turn, names the one that answered, and counts them", async () => {
    const proxy = await startRoundRobinProxy(urls);
    try {
      const answers = [];
      for (let n = 0; n < 4; n++) {
        const response = await fetch(`${proxy.url}/page?n=${n}`);
        answers.push([await response.text(), response.headers.get(SERVED_BY_HEADER)]);
      }
      expect(answers).toEqual([
        ["first /page?n=0", urls[0]],
        ["second /page?n=1", urls[1]],
        ["first /page?n=2", urls[0]],
        ["second /page?n=3", urls[1]],
      ]);
      expect([...proxy.served.values()]).toEqual([2, 2]);
      expect(proxy.errors()).toBe(0);
    } finally {
      await proxy.stop();
    }
  });

  it("answers 502 and counts an error when a server is gone", async () => {
    const proxy = await startRoundRobinProxy(["http://127.0.0.1:1"]);
    try {
      expect((await fetch(`${proxy.url}/`)).status).toBe(502);
      expect(proxy.errors()).toBe(1);
    } finally {
      await proxy.stop();
    }
  });
});
