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

/**
 * `writes` writes in turn, each followed by `readsPerWrite` reads that all ask with the validator
 * the client held from before that write (a 304 to it would keep the old page); afterwards the
 * client holds the newest ETag it was given. Write n makes the figure shown when n is even
 * (publish) and hidden when odd (withdraw). Returns the reads, the written states and refusals.
 */
export async function readsAfterWrites(options: {
  writes: number;
  readsPerWrite: number;
  /** Makes write n; false when the server refused it. */
  write: (n: number, shown: boolean) => Promise<boolean>;
  read: (heldEtag: string | null, expectShown: boolean) => Promise<CheckedRead & { etag: string | null }>;
  initialEtag: string | null;
}): Promise<{ reads: CheckedRead[]; writesRefused: number }> {
  const reads: CheckedRead[] = [];
  let writesRefused = 0;
  let heldEtag = options.initialEtag;
  for (let n = 0; n < options.writes; n++) {
    const shown = n % 2 === 0;
    if (!(await options.write(n, shown))) writesRefused++;
    let latestEtag = heldEtag;
    for (let r = 0; r < options.readsPerWrite; r++) {
      const read = await options.read(heldEtag, shown);
      reads.push(read);
      latestEtag = read.etag ?? latestEtag;
    }
    heldEtag = latestEtag;
  }
  return { reads, writesRefused };
}
