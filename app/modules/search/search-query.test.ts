import { describe, expect, it } from "vitest";
import { filterValue, parseSearchQuery, searchFilter, searchUrl, splitHighlights } from "./search-query";

const known = { provinceCodes: new Set(["32", "35"]), indicatorNumbers: new Set([37, 42]) };
const parse = (search: string) => parseSearchQuery(new URLSearchParams(search), known);

describe("parseSearchQuery", () => {
  it("reads the text and known facet values, and writes them back", () => {
    const query = parse("q=tanda%20tangan&provinsi=35&indikator=37&tahap=penerapan&tag=TTE&hal=2");
    expect(query).toEqual({ text: "tanda tangan", truncated: false, province: "35", indicator: 37, stage: "penerapan", tag: "tte", page: 2 });
    expect(searchUrl(query)).toBe("/cari?q=tanda+tangan&provinsi=35&indikator=37&tahap=penerapan&tag=tte&hal=2");
  });

  it("drops unknown facet values and cuts a 5,000-character query", () => {
    const query = parse(`q=${"a".repeat(5000)}&provinsi=99&indikator=1000&tahap=%22%20OR%20status%20%3D%20draft`);
    expect(query.text).toHaveLength(200);
    expect(query.truncated).toBe(true);
    expect(query).toMatchObject({ province: null, indicator: null, stage: null });
  });
});

describe("searchFilter", () => {
  it("quotes and escapes values so filter syntax in a tag stays a value", () => {
    const filter = searchFilter({ ...parse(""), tag: '" OR status = "draft' });
    expect(filter).toEqual(['tags = "\\" OR status = \\"draft"']);
    expect(filterValue("a\\b")).toBe('"a\\\\b"');
  });
});

describe("splitHighlights", () => {
  it("turns the markers into parts and never produces markup", () => {
    expect(splitHighlights("Layanan \u0002TTE\u0003 <script>x</script>")).toEqual([
      { text: "Layanan ", highlighted: false },
      { text: "TTE", highlighted: true },
      { text: " <script>x</script>", highlighted: false },
    ]);
  });
});
