import { describe, expect, it } from "vitest";
import { defaultSort, filterValue, parseSearchQuery, searchFilter, searchSort, searchUrl, splitHighlights } from "./search-query";

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
      pageNote: null,
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
      pageNote: "invalid",
    });
    expect(query.ignored).toEqual(["urut", "provinsi", "domain", "aspek", "indikator", "tahap", "jenis", "status", "tahun", "bahasa"]);
  });

  it("reads only whole page numbers from 1, and says so (never as an unknown filter) otherwise", () => {
    for (const hal of ["abc", "-1", "0", "1.5", "1.200", "1,5", "2e2", "+2", "0x10", "١٢", "\u0000"]) {
      const query = parse(`q=tte&hal=${encodeURIComponent(hal)}`);
      expect(query, hal).toMatchObject({ page: 1, pageNote: "invalid", ignored: [] });
      // Links from the page (pagination, facets) leave the bad value out.
      expect(searchUrl(query), hal).toBe("/cari?q=tte");
    }
    expect(parse("hal=%202%20")).toMatchObject({ page: 2, pageNote: null });
    expect(parse("hal=")).toMatchObject({ page: 1, pageNote: null });
  });

  it("caps a page past any last page, leaving the search to show the last one", () => {
    expect(parse("hal=999")).toMatchObject({ page: 500, pageNote: null, ignored: [] });
    expect(parse(`hal=${"9".repeat(400)}`)).toMatchObject({ page: 500, pageNote: null });
  });

  it("defaults to best match for every query with words, unless the address chooses an order", () => {
    expect(defaultSort("tte")).toBe("relevan");
    expect(defaultSort("")).toBe("terbaru");
    // An empty urut (what the page's form sends for "the default") is the default, not unknown.
    expect(parse("q=tte&urut=")).toMatchObject({ sort: "relevan", ignored: [] });
    expect(parse("q=&urut=")).toMatchObject({ sort: "terbaru", ignored: [] });
    expect(parse("q=tte&urut=terbaru").sort).toBe("terbaru");
    expect(searchUrl(parse("q=tte&urut=terbaru"))).toBe("/cari?q=tte&urut=terbaru");
    expect(searchUrl(parse("urut=relevan"))).toBe("/cari?urut=relevan");
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
