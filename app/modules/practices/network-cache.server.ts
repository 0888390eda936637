import { broadcast, onBroadcast } from "../cluster/broadcast.server";

/**
 * The adoption network's layout, kept for a minute at most and dropped (in every process) when
 * adoptions or the visibility of the practices they join change. A module of its own so the
 * practice modules can invalidate it without importing the layout code.
 */
const CACHE_MS = 60_000;
const INVALIDATE_TOPIC = "adoption-network";
let cached: { at: number; value: Promise<unknown> } | null = null;

export function cachedNetwork<T>(compute: () => Promise<T>): Promise<T> {
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    const value = compute();
    cached = { at: Date.now(), value };
    value.catch(() => (cached = null));
  }
  return cached.value as Promise<T>;
}

export async function invalidateAdoptionNetwork(): Promise<void> {
  cached = null;
  await broadcast(INVALIDATE_TOPIC);
}

onBroadcast(INVALIDATE_TOPIC, () => (cached = null));
