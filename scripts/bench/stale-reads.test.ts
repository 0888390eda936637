import { describe, expect, it } from "vitest";
import { isStaleRead, readsAfterWrites, summarizeReads } from "./stale-reads";
import { roundRobin } from "./round-robin-proxy";

describe("isStaleRead", () => {
  it("is stale when the page shows the state from before the write", () => {
    expect(isStaleRead({ expectShown: true, status: 200, shown: false, servedBy: "a" })).toBe(true);
    expect(isStaleRead({ expectShown: false, status: 200, shown: true, servedBy: "a" })).toBe(true);
    expect(isStaleRead({ expectShown: true, status: 200, shown: true, servedBy: "a" })).toBe(false);
  });

  it("is stale when the validator held from before the write is still accepted", () => {
    expect(isStaleRead({ expectShown: true, status: 304, shown: false, servedBy: "a" })).toBe(true);
  });

  it("leaves failed reads to be counted as failures, not as stale", () => {
    expect(isStaleRead({ expectShown: true, status: 503, shown: false, servedBy: "a" })).toBe(false);
  });
});

describe("summarizeReads through a round robin of two servers", () => {
  it("counts stale and failed reads and which server answered each", () => {
    const next = roundRobin(["a", "b"]);
    const reads = [
      { expectShown: true, status: 200, shown: true },
      { expectShown: true, status: 200, shown: false },
      { expectShown: false, status: 200, shown: false },
      { expectShown: false, status: 502, shown: false },
      { expectShown: false, status: 304, shown: false },
    ].map((read) => ({ ...read, servedBy: next() }));
    const summary = summarizeReads(reads);
    expect(summary).toMatchObject({ reads: 5, stale: 2, failed: 1 });
    expect([...summary.byServer]).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
  });
});

/**
 * A page behind two servers: `lagging` names a server that keeps answering from the state before
 * the last write (a cache it never dropped). ETags are the page's version; a client holding the
 * current one gets 304.
 */
function fakeSite(lagging: string | null) {
  let version = 0;
  let shown = false;
  let previous = { version: 0, shown: false };
  const next = roundRobin(["a", "b"]);
  return {
    write: async (_n: number, show: boolean) => {
      previous = { version, shown };
      version++;
      shown = show;
      return true;
    },
    read: async (heldEtag: string | null, expectShown: boolean) => {
      const servedBy = next();
      const state = servedBy === lagging ? previous : { version, shown };
      const etag = `"v${state.version}"`;
      if (heldEtag === etag) return { expectShown, status: 304, shown: false, servedBy, etag };
      return { expectShown, status: 200, shown: state.shown, servedBy, etag };
    },
  };
}

describe("readsAfterWrites", () => {
  it("finds no stale read when every server answers the current state, 304s to the current ETag included", async () => {
    const site = fakeSite(null);
    const { reads, writesRefused } = await readsAfterWrites({ writes: 4, readsPerWrite: 4, ...site, initialEtag: '"v0"' });
    expect(writesRefused).toBe(0);
    expect(summarizeReads(reads)).toMatchObject({ reads: 16, stale: 0, failed: 0 });
    // Every read asked with the ETag from before its write, so none could be a 304.
    expect(reads.every((read) => read.status === 200)).toBe(true);
  });

  it("counts the reads a lagging server answers from before the write, and a 304 to the old ETag", async () => {
    const site = fakeSite("b");
    const { reads } = await readsAfterWrites({ writes: 2, readsPerWrite: 4, ...site, initialEtag: '"v0"' });
    const summary = summarizeReads(reads);
    expect(summary.stale).toBe(4);
    expect(reads.filter((read) => read.servedBy === "b").every(isStaleRead)).toBe(true);
    // After the first write server b still has version 0, the client's ETag: a 304, stale.
    expect(reads[1]).toMatchObject({ servedBy: "b", status: 304 });
  });

  it("counts refused writes", async () => {
    const { writesRefused } = await readsAfterWrites({
      writes: 3,
      readsPerWrite: 0,
      write: async (n) => n !== 1,
      read: () => Promise.reject(new Error("no reads")),
      initialEtag: null,
    });
    expect(writesRefused).toBe(1);
  });
});
