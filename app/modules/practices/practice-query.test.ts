import { describe, expect, it } from "vitest";
import { parsePracticeListQuery, parseWorkspaceQuery, practiceListSearch } from "./practice-query";

const known = { provinceCodes: new Set(["32", "33"]), regionCodes: new Set(["32.11", "33.16"]) };

describe("practice list query", () => {
  it("reads every filter and writes it back", () => {
    const search = "provinsi=32&daerah=32.11&indikator=29&tahap=penerapan&tag=stunting&urut=terbanyak-diadopsi&hal=2";
    const query = parsePracticeListQuery(new URLSearchParams(search), known);
    expect(query).toEqual({
      province: "32",
      region: "32.11",
      indicator: 29,
      stage: "penerapan",
      tag: "stunting",
      sort: "terbanyak-diadopsi",
      page: 2,
    });
    expect(practiceListSearch(query)).toBe(`?${search}`);
  });

  it("falls back to no filter for junk", () => {
    const query = parsePracticeListQuery(
      new URLSearchParams("provinsi=99&daerah=x&indikator=abc&tahap=<script>&urut=random&hal=-4&tag=%20"),
      known,
    );
    expect(query).toEqual({ province: null, region: null, indicator: null, stage: null, tag: null, sort: "terbaru", page: 1 });
    expect(practiceListSearch(query)).toBe("");
  });

  it("lower-cases tags and resets the page when asked", () => {
    const query = parsePracticeListQuery(new URLSearchParams("tag=Stunting&hal=3"), known);
    expect(query.tag).toBe("stunting");
    expect(practiceListSearch(query, { page: 1 })).toBe("?tag=stunting");
  });
});

describe("workspace query", () => {
  it("uses the default state unless the URL names one or asks for all", () => {
    expect(parseWorkspaceQuery(new URLSearchParams(""), known, "submitted").state).toBe("submitted");
    expect(parseWorkspaceQuery(new URLSearchParams("status=draft"), known, "submitted").state).toBe("draft");
    expect(parseWorkspaceQuery(new URLSearchParams("status=semua"), known, "submitted").state).toBeNull();
    expect(parseWorkspaceQuery(new URLSearchParams("status=nope"), known, null).state).toBeNull();
  });
});
