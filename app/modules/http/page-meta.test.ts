import { describe, expect, it } from "vitest";
import { canonicalPath, pageMeta, shortDescription } from "./page-meta";

const root = { id: "root", data: { locale: "id", site: { origin: "https://idsl.example.go.id", description: "Deskripsi situs." } } };
const at = (path: string) => {
  const url = new URL(path, "http://internal:3000");
  return { location: { pathname: url.pathname, search: url.search }, matches: [root, { id: "routes/x", data: null }] };
};
type Tag = Record<string, unknown>;
const content = (tags: Tag[], key: string) => tags.find((tag) => tag.property === key || tag.name === key)?.content;

describe("pageMeta", () => {
  it("gives a page its title, description, absolute canonical URL and Open Graph / Twitter tags", () => {
    const tags = pageMeta(at("/peringkat?kerangka=spbe-2020&tahun=2023&halaman=3&urut=nama"), {
      title: "Peringkat SPBE 2020 2023",
      description: "Peringkat SPBE 2020 tahun 2023.",
      query: ["kerangka", "tahun"],
      image: "/gambar/peringkat.png?kerangka=spbe-2020&tahun=2023",
    });
    expect(tags).toContainEqual({ title: "Peringkat SPBE 2020 2023 · IDSL" });
    expect(content(tags, "description")).toBe("Peringkat SPBE 2020 tahun 2023.");
    // Paging and sorting are not part of what the page is: only framework and year stay.
    const url = "https://idsl.example.go.id/peringkat?kerangka=spbe-2020&tahun=2023";
    expect(tags).toContainEqual({ tagName: "link", rel: "canonical", href: url });
    expect(content(tags, "og:url")).toBe(url);
    expect(content(tags, "og:title")).toBe("Peringkat SPBE 2020 2023");
    expect(content(tags, "og:type")).toBe("website");
    expect(content(tags, "og:locale")).toBe("id_ID");
    expect(content(tags, "og:image")).toBe("https://idsl.example.go.id/gambar/peringkat.png?kerangka=spbe-2020&tahun=2023");
    expect(content(tags, "og:image:width")).toBe("1200");
    expect(content(tags, "twitter:card")).toBe("summary_large_image");
    expect(content(tags, "twitter:image")).toBe(content(tags, "og:image"));
  });

  it("falls back to the site's description and a summary card, in the page's language", () => {
    const english = { ...at("/kerangka"), matches: [{ ...root, data: { ...root.data, locale: "en" } }] };
    const tags = pageMeta(english, { title: "Frameworks" });
    expect(content(tags, "description")).toBe("Deskripsi situs.");
    expect(content(tags, "og:locale")).toBe("en_US");
    expect(content(tags, "twitter:card")).toBe("summary");
    expect(content(tags, "og:image")).toBeUndefined();
    expect(tags).toContainEqual({ tagName: "link", rel: "canonical", href: "https://idsl.example.go.id/kerangka" });
  });

  it("still gives a title and description when the root loader failed (error pages)", () => {
    const tags = pageMeta({ location: { pathname: "/x", search: "" }, matches: [{ id: "root", data: undefined }] });
    expect(tags).toContainEqual({ title: "IDSL — Indonesia Digital Services Living Lab" });
    expect(content(tags, "description")).toBeTruthy();
    expect(tags.some((tag: Tag) => tag.rel === "canonical")).toBe(false);
  });

  it("passes JSON-LD to Remix's <Meta>, which escapes it inside the script tag", () => {
    const jsonLd = { "@context": "https://schema.org", "@type": "Article", name: "</script><script>alert(1)</script>" };
    expect(pageMeta(at("/praktik/1"), { title: "x", jsonLd })).toContainEqual({ "script:ld+json": jsonLd });
  });
});

describe("canonicalPath", () => {
  it("keeps the listed parameters in the listed order and drops empty ones", () => {
    expect(canonicalPath({ pathname: "/bandingkan", search: "?tahun=&daerah=32.73,32.04&kerangka=pemdi-2026&x=1" }, ["kerangka", "tahun", "daerah"])).toBe(
      "/bandingkan?kerangka=pemdi-2026&daerah=32.73%2C32.04",
    );
    expect(canonicalPath({ pathname: "/daerah/32.73", search: "?disimpan=1" })).toBe("/daerah/32.73");
  });
});

describe("shortDescription", () => {
  it("keeps short text, folds whitespace and cuts long text at a word", () => {
    expect(shortDescription("  satu\n\ndua  ")).toBe("satu dua");
    const long = shortDescription("kata ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith("kata…")).toBe(true);
  });
});
