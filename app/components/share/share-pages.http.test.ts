import { asc } from "drizzle-orm";
import { imageSize } from "image-size";
import { type HTMLElement, parse as parseHtml } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedResults } from "../../../db/schema";
import { request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import { db } from "../../modules/db.server";
import { createPractice } from "../../modules/practices/index.server";

/**
 * Shared links over real HTTP against the production build: every page's description, absolute
 * canonical URL and Open Graph tags, the preview pictures behind them, and practice JSON-LD.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function page(path: string) {
  const response = await request(app.origin, path);
  expect(response.status).toBe(200);
  return parseHtml(await response.text());
}

const metaContent = (html: HTMLElement, key: string) => html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
const canonical = (html: HTMLElement) => html.querySelector('link[rel="canonical"]')?.getAttribute("href");

/** The page's preview image: fetched from its absolute og:image URL, a 1200×630 PNG. */
async function expectPreview(html: HTMLElement, path: string) {
  const image = metaContent(html, "og:image")!;
  expect(image.startsWith(`${app.origin}${path}`)).toBe(true);
  expect(image).toMatch(/[?&]v=[0-9a-f]{16}$/);
  const response = await fetch(image);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
  expect(imageSize(new Uint8Array(await response.arrayBuffer()))).toMatchObject({ type: "png", width: 1200, height: 630 });
  const etag = response.headers.get("etag")!;
  expect((await fetch(image, { headers: { "If-None-Match": etag } })).status).toBe(304);
}

describe("pages that share well", () => {
  it("a region page names its latest official index, framework and year, with an absolute canonical URL and a preview", async () => {
    const [result] = await db().select({ regionCode: publishedResults.regionCode }).from(publishedResults).orderBy(asc(publishedResults.regionCode)).limit(1);
    const code = result!.regionCode;
    const html = await page(`/daerah/${code}?disimpan=1`);
    expect(canonical(html)).toBe(`${app.origin}/daerah/${code}`);
    expect(metaContent(html, "og:url")).toBe(`${app.origin}/daerah/${code}`);
    expect(metaContent(html, "description")).toMatch(/^Indeks .+ resmi .+ tahun \d{4}: \d/);
    expect(metaContent(html, "og:locale")).toBe("id_ID");
    expect(metaContent(html, "twitter:card")).toBe("summary_large_image");
    await expectPreview(html, `/gambar/daerah/${code}.png?v=`);
    // The share control works without scripts: a WhatsApp link and the URL to select.
    expect(html.querySelector('a[href^="https://wa.me/?text="]')?.getAttribute("href")).toContain(encodeURIComponent(`${app.origin}/daerah/${code}`));
    expect(html.querySelector("input[readonly]")?.getAttribute("value")).toBe(`${app.origin}/daerah/${code}`);
  });

  it("rankings keep only the query that changes what they show", async () => {
    const html = await page("/peringkat?kerangka=spbe-2020&urut=nama&halaman=1");
    expect(canonical(html)).toBe(`${app.origin}/peringkat?kerangka=spbe-2020`);
    expect(metaContent(html, "description")).toMatch(/^Peringkat Indeks SPBE 2020 tahun \d{4}/);
    await expectPreview(html, "/gambar/peringkat.png?kerangka=spbe-2020&v=");
  });

  it("a comparison names its regions", async () => {
    const html = await page("/bandingkan?daerah=32.11,33.16");
    expect(canonical(html)).toBe(`${app.origin}/bandingkan?daerah=32.11%2C33.16`);
    expect(metaContent(html, "description")).toMatch(/Sumedang.*Blora/);
    await expectPreview(html, "/gambar/bandingkan.png?daerah=32.11%2C33.16&v=");
  });

  it("every other page has a description and canonical URL too", async () => {
    const html = await page("/kerangka");
    expect(metaContent(html, "description")!.length).toBeGreaterThan(40);
    expect(canonical(html)).toBe(`${app.origin}/kerangka`);
    expect(metaContent(html, "og:title")).toBeTruthy();
  });

  it("a practice titled with markup keeps it as text in its tags, JSON-LD and picture; drafts have no picture", async () => {
    const [editor, curator] = await Promise.all([testActor("editor", "32.11"), testActor("curator")]);
    const title = `Layanan </script><script>alert("x")</script> <b>tebal</b> ${Date.now()}`;
    const id = await publishPractice(practiceContent({ title, summary: "Ringkasan <i>praktik</i> untuk dibagikan." }), { editor, curator });
    const response = await request(app.origin, `/praktik/${id}`);
    const text = await response.text();
    expect(text).not.toContain('</script><script>alert("x")');
    const html = parseHtml(text);
    expect(metaContent(html, "og:type")).toBe("article");
    expect(metaContent(html, "description")).toBe("Ringkasan <i>praktik</i> untuk dibagikan.");
    const ld = html.querySelectorAll('script[type="application/ld+json"]');
    expect(ld).toHaveLength(1);
    const json = JSON.parse(ld[0]!.textContent) as Record<string, unknown>;
    expect(json).toMatchObject({ "@type": "Article", name: title, inLanguage: "id", author: { "@type": "GovernmentOrganization", url: `${app.origin}/daerah/32.11` } });
    expect(json.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expectPreview(html, `/gambar/praktik/${id}.png?v=`);

    const draft = await createPractice({ regionCode: "32.11", content: practiceContent({ title: "Draf rahasia" }), submit: false, actorId: editor.id, ip: "127.0.0.1" });
    expect((await request(app.origin, `/gambar/praktik/${draft.id}.png`)).status).toBe(404);
    expect((await request(app.origin, "/gambar/daerah/99.99.png")).status).toBe(404);
    expect((await request(app.origin, "/gambar/daerah/32.11.jpg")).status).toBe(404);
  });
});
