import type { FrameworkGroupRef } from "./framework-tree";

export type CrosswalkStatus = "proposed" | "confirmed" | "rejected";

/** One pair of the crosswalk: a group of one framework said to cover the topic of a group of another. */
export interface CrosswalkPair {
  id: number;
  from: Pick<FrameworkGroupRef, "id" | "number" | "name">;
  to: Pick<FrameworkGroupRef, "id" | "number" | "name">;
  status: CrosswalkStatus;
  note: string;
}

/** A group of the target framework with the value it has, next to its confirmed counterparts' values. */
export interface CrosswalkRow {
  group: Pick<FrameworkGroupRef, "id" | "number" | "name">;
  value: number | null;
  counterparts: { pairId: number; group: CrosswalkPair["from"]; value: number | null; status: CrosswalkStatus; note: string }[];
}

/**
 * The rows for showing a profile in one framework beside a profile in another, group by group:
 * only pairs a curator confirmed (a proposed or rejected correspondence is nobody's word yet),
 * only groups that have one. Each value stays in its own framework: nothing here subtracts or
 * averages across the two, the page shows them side by side, each labelled.
 */
export function crosswalkRows(
  toGroups: readonly Pick<FrameworkGroupRef, "id" | "number" | "name">[],
  pairs: readonly CrosswalkPair[],
  fromValues: Readonly<Record<string, number>> | null,
  toValues: Readonly<Record<string, number>>,
): CrosswalkRow[] {
  return toGroups.flatMap((group) => {
    const counterparts = pairs
      .filter((pair) => pair.status === "confirmed" && pair.to.id === group.id)
      .sort((a, b) => a.from.number - b.from.number)
      .map((pair) => ({ pairId: pair.id, group: pair.from, value: fromValues?.[String(pair.from.id)] ?? null, status: pair.status, note: pair.note }));
    return counterparts.length === 0 ? [] : [{ group, value: toValues[String(group.id)] ?? null, counterparts }];
  });
}
