import { imageSize } from "image-size";
import { describe, expect, it } from "vitest";
import { previewPath, previewPng, previewResponse, previewVersion, renderPreviewSvg, type PreviewCard } from "./preview-image.server";

const card: PreviewCard = {
  kicker: "Indeks SPBE 2020 · resmi · 2023",
  title: "Kota Bandung",
  figure: { value: "3,81", predikat: "Sangat Baik" },
  lines: ["Jawa Barat"],
};

/** The text an SVG draws (satori writes one <text> element per word and space). */
const drawnText = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join("");

describe("preview images", () => {
  it("are 1200×630 PNGs", async () => {
    const png = await previewPng(card).png;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(imageSize(png)).toMatchObject({ width: 1200, height: 630, type: "png" });
  });

  it("draw a title with markup as its literal characters", async () => {
    const hostile = { ...card, title: `</text><script>alert("x")</script><img src=x onerror=alert(1)>` };
    const svg = await renderPreviewSvg(hostile, { embedFont: false });
    expect(svg).not.toMatch(/<script|<img/i);
    expect(drawnText(svg)).toContain("&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(imageSize(await previewPng(hostile).png)).toMatchObject({ width: 1200, height: 630 });
  });

  it("mark sample data on the picture", async () => {
    const svg = await renderPreviewSvg({ ...card, sample: "DATA CONTOH — bukan hasil evaluasi resmi" }, { embedFont: false });
    expect(drawnText(svg)).toContain("DATA CONTOH — bukan hasil evaluasi resmi");
    // Inside the picture, not pushed off its bottom edge.
    const bannerY = Number(/<text x="[\d.]+" y="([\d.]+)"[^>]*>DATA<\/text>/.exec(svg)?.[1]);
    expect(bannerY).toBeLessThan(630);
  });

  it("get a new version, and a new URL, when a figure changes", () => {
    const changed = { ...card, figure: { value: "3,90", predikat: "Sangat Baik" } };
    expect(previewVersion(changed)).not.toBe(previewVersion(card));
    expect(previewPath("/gambar/daerah/32.73.png", card)).toBe(`/gambar/daerah/32.73.png?v=${previewVersion(card)}`);
  });

  it("answer If-None-Match with 304 and otherwise the image with caching headers", async () => {
    const first = await previewResponse(new Request("http://site/x.png"), card);
    expect(first.headers.get("Content-Type")).toBe("image/png");
    expect(first.headers.get("Cache-Control")).toContain("max-age=");
    const etag = first.headers.get("ETag")!;
    const again = await previewResponse(new Request("http://site/x.png", { headers: { "If-None-Match": etag } }), card);
    expect(again.status).toBe(304);
  });
});
