import { describe, expect, it } from "vitest";
import { type CrosswalkPair, crosswalkRows } from "./crosswalk";

const spbe = (id: number, number: number) => ({ id, number, name: `SPBE aspek ${number}` });
const pemdi = (id: number, number: number) => ({ id, number, name: `Pemdi aspek ${number}` });
const pair = (id: number, from: CrosswalkPair["from"], to: CrosswalkPair["to"], status: CrosswalkPair["status"]): CrosswalkPair => ({ id, from, to, status, note: `pair ${id}` });

describe("crosswalkRows", () => {
  const pemdiAspects = [pemdi(101, 1), pemdi(102, 2), pemdi(103, 3)];
  const pairs = [
    pair(1, spbe(12, 2), pemdi(101, 1), "confirmed"),
    pair(2, spbe(11, 1), pemdi(101, 1), "confirmed"),
    pair(3, spbe(14, 4), pemdi(102, 2), "proposed"),
    pair(4, spbe(15, 5), pemdi(103, 3), "rejected"),
  ];

  it("uses only confirmed pairs, and only the groups that have one", () => {
    const rows = crosswalkRows(pemdiAspects, pairs, { "11": 2.5, "12": 3.25 }, { "101": 3 });
    expect(rows).toEqual([
      {
        group: pemdi(101, 1),
        value: 3,
        counterparts: [
          { pairId: 2, group: spbe(11, 1), value: 2.5, status: "confirmed", note: "pair 2" },
          { pairId: 1, group: spbe(12, 2), value: 3.25, status: "confirmed", note: "pair 1" },
        ],
      },
    ]);
  });

  it("keeps a row without figures when either profile lacks that group", () => {
    const [row] = crosswalkRows(pemdiAspects, pairs, null, {});
    expect(row?.value).toBeNull();
    expect(row?.counterparts.map((counterpart) => counterpart.value)).toEqual([null, null]);
  });

  it("is empty until a curator confirms a pair", () => {
    expect(crosswalkRows(pemdiAspects, pairs.map((each) => ({ ...each, status: "proposed" as const })), { "11": 2 }, { "101": 3 })).toEqual([]);
  });
});
