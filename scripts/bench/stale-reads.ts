/**
 * The load balancer's consistency check, as pure logic: after a write through one app server,
 * every read through the balancer (whichever server answers) must show the written state.
 */

export interface CheckedRead {
  /** Whether the write just made should be visible. */
  expectShown: boolean;
  status: number;
  /** Whether the page showed the written figure (meaningless unless status is 200). */
  shown: boolean;
  /** The app server that answered. */
  servedBy: string;
}

export interface StaleReadSummary {
  reads: number;
  /** Reads that showed the state from before the write. */
  stale: number;
  /** Reads answered with neither 200 nor 304. */
  failed: number;
  /** Reads answered by each app server. */
  byServer: Map<string, number>;
}

/**
 * A read is stale when it shows the state from before the write, or answers 304 to the
 * validator the client held from before it (the client would keep showing the old page).
 */
export function isStaleRead(read: CheckedRead): boolean {
  if (read.status === 304) return true;
  return read.status === 200 && read.shown !== read.expectShown;
}

export function summarizeReads(reads: readonly CheckedRead[]): StaleReadSummary {
  const byServer = new Map<string, number>();
  for (const read of reads) byServer.set(read.servedBy, (byServer.get(read.servedBy) ?? 0) + 1);
  return {
    reads: reads.length,
    stale: reads.filter(isStaleRead).length,
    failed: reads.filter((read) => read.status !== 200 && read.status !== 304).length,
    byServer,
  };
}
