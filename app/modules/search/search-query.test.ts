import { describe, expect, it } from "vitest";
import { filterValue, parseSearchQuery, searchFilter, searchSort, searchUrl, splitHighlights } from "./search-query";

const known = {
  provinceCodes: new Set(["32", "35"]),
  domainNames: new Set(["Layanan SPBE"]),
  aspectNames: new Set(["Layanan Administrasi Pemerintahan Berbasis Elektronik"]),
  indicatorNumbers: new Set([37, 42]),
};
const parse = (search: string) => parseSearchQuery(new URLSearchParams(search), known);

describe("parseSearchQuery", () => {
  it("reads the text, known facet values and sort, and writes them back", () => {
    const query = parse(
      "q=tanda%20tangan&provinsi=35&domain=Layanan+SPBE&aspek=Layanan+Administrasi+Pemerintahan+Berbasis+Elektronik&indikator=37&tahap=penerapan&tag=TTE&jenis=kota&status=active&tahun=2024&bahasa=en&urut=terbaru&hal=2",
    );
    expect(query).toEqual({
      text: "tanda tangan",
      truncated: false,
      province: "35",
      domain: "Layanan SPBE",
      aspect: "Layanan Administrasi Pemerintahan Berbasis Elektronik",
      indicator: 37,
      stage: "penerapan",
      tag: "tte",
      regionType: "kota",
      status: "active",
      year: 2024,
      language: "en",
      sort: "terbaru",
      page: 2,
      ignored: [],
    });
    expect(searchUrl(query)).toBe(
      "/cari?q=tanda+tangan&provinsi=35&domain=Layanan+SPBE&aspek=Layanan+Administrasi+Pemerintahan+Berbasis+Elektronik&indikator=37&tahap=penerapan&tag=tte&jenis=kota&status=active&tahun=2024&bahasa=en&urut=terbaru&hal=2",
    );
  });

  it("ranks by relevance when there are words, else newest first, and keeps that out of the URL", () => {
    expect(parse("q=tte").sort).toBe("relevan");
    expect(parse("").sort).toBe("terbaru");
    expect(searchUrl(parse("q=tte"))).toBe("/cari?q=tte");
    expect(searchUrl(parse(""))).toBe("/cari");
  });

  it("drops unknown facet values, says which, and cuts a 5,000-character query", () => {
    const query = parse(
      `q=${"a".repeat(5000)}&provinsi=99&domain=%22%20OR%20x&aspek=Aspek+Lain&indikator=1000&tahap=%22%20OR%20status%20%3D%20draft&status=draft&tahun=abc&bahasa=fr&jenis=desa&urut=acak&hal=-1`,
    );
    expect(query.text).toHaveLength(200);
    expect(query.truncated).toBe(true);
    expect(query).toMatchObject({
      province: null,
      domain: null,
      aspect: null,
      indicator: null,
      stage: null,
      status: null,
      year: null,
      language: null,
      regionType: null,
      sort: "relevan",
      page: 1,
    });
    expect(query.ignored).toEqual(["urut", "provinsi", "domain", "aspek", "indikator", "tahap", "jenis", "status", "tahun", "bahasa", "hal"]);
  });
});

describe("searchFilter", () => {
  it("quotes and escapes values so filter syntax in a tag stays a value", () => {
    const filter = searchFilter({ ...parse(""), tag: '" OR status = "draft' });
    expect(filter).toEqual(['tags = "\\" OR status = \\"draft"']);
    expect(filterValue("a\\b")).toBe('"a\\\\b"');
  });

  it("filters every facet on its attribute", () => {
    expect(searchFilter(parse("provinsi=35&domain=Layanan+SPBE&indikator=37&jenis=kota&status=stopped&tahun=2023&bahasa=en"))).toEqual([
      'provinceCode = "35"',
      'domainNames = "Layanan SPBE"',
      "indicatorNumbers = 37",
      'regionType = "kota"',
      'status = "stopped"',
      "year = 2023",
      'language = "en"',
    ]);
  });
});

describe("searchSort", () => {
  it("sorts by relevance alone, by date, or by adoptions then date", () => {
    expect(searchSort("relevan")).toBeUndefined();
    expect(searchSort("terbaru")).toEqual(["publishedAt:desc"]);
    expect(searchSort("terbanyak-diadopsi")).toEqual(["adoptionCount:desc", "publishedAt:desc"]);
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
