import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";

/** What a shared link's preview picture says: plain text only, laid out by PreviewCardView. */
export interface PreviewCard {
  /** Small line above the title: what the figure is (framework · kind · year) or the page's kind. */
  kicker: string;
  title: string;
  /** The page's headline figure, already formatted, with its predikat. */
  figure?: { value: string; predikat: string | null } | null;
  lines: string[];
  /** The sample-data warning, when any figure on the card is synthetic demo data. */
  sample?: string | null;
}

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

// DejaVu Sans (dejavu-fonts-ttf, Bitstream Vera licence) covers Indonesian and English text and
// ships with npm, so previews render the same offline, in CI and in production.
const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[] | null = null;
function loadFonts() {
  fonts ??= [
    { name: "DejaVu Sans", data: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")), weight: 400, style: "normal" },
    { name: "DejaVu Sans", data: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")), weight: 700, style: "normal" },
  ];
  return fonts;
}

/** Long titles shrink so they fit in three lines (satori wraps at words and ends a longer one with "…"). */
function titleSize(title: string): number {
  return title.length > 90 ? 44 : title.length > 50 ? 54 : 68;
}

/**
 * The card as satori lays it out (flexbox on a subset of CSS). Every text is a React child, so
 * markup in a title is drawn as the characters it is made of, never interpreted.
 */
export function PreviewCardView({ card }: { card: PreviewCard }) {
  return (
    <div style={{ width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, display: "flex", flexDirection: "column", boxSizing: "border-box", backgroundColor: "#0b2342", color: "#ffffff", fontFamily: "DejaVu Sans", padding: "56px 64px" }}>
      <div style={{ display: "flex", fontSize: 28, color: "#d6e4f5" }}>IDSL · Indonesia Digital Services Living Lab</div>
      <div style={{ display: "flex", marginTop: 40, fontSize: 30, color: "#d6e4f5" }}>{card.kicker}</div>
      <div style={{ display: "block", flexShrink: 0, marginTop: 12, fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.15, lineClamp: 3 }}>{card.title}</div>
      {card.figure ? (
        <div style={{ display: "flex", alignItems: "center", marginTop: 24 }}>
          <div style={{ display: "flex", fontSize: 96, fontWeight: 700 }}>{card.figure.value}</div>
          {card.figure.predikat ? (
            <div style={{ display: "flex", marginLeft: 32, fontSize: 40, padding: "8px 24px", borderRadius: 12, backgroundColor: "#eef4fb", color: "#0b2342" }}>{card.figure.predikat}</div>
          ) : null}
        </div>
      ) : null}
      <div style={{ display: "flex", flexDirection: "column", marginTop: 24, fontSize: 30, color: "#eef4fb" }}>
        {card.lines.map((line, index) => (
          <div key={index} style={{ display: "flex", marginTop: 6 }}>
            {line}
          </div>
        ))}
      </div>
      {card.sample ? (
        <div style={{ display: "flex", marginTop: "auto", fontSize: 30, fontWeight: 700, padding: "12px 20px", backgroundColor: "#fef3c7", color: "#451a03", borderRadius: 8 }}>{card.sample}</div>
      ) : null}
    </div>
  );
}

/** The card's version: changes whenever anything it shows changes (a figure, a title, the language). */
export function previewVersion(card: PreviewCard): string {
  return createHash("sha256").update(JSON.stringify(card)).digest("hex").slice(0, 16);
}

/** The card as SVG; `embedFont: false` keeps its text as text (tests read it). */
export function renderPreviewSvg(card: PreviewCard, options: { embedFont?: boolean } = {}): Promise<string> {
  return satori(<PreviewCardView card={card} />, { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fonts: loadFonts(), embedFont: options.embedFont ?? true });
}

/** Rendered PNGs by version: a handful of kilobytes each, kept for the most recent cards only. */
const MAX_CACHED = 200;
const cache = new Map<string, Promise<Buffer>>();

async function renderPng(card: PreviewCard): Promise<Buffer> {
  const svg = await renderPreviewSvg(card);
  return new Resvg(svg, { fitTo: { mode: "width", value: PREVIEW_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}

export function previewPng(card: PreviewCard): { version: string; png: Promise<Buffer> } {
  const version = previewVersion(card);
  let png = cache.get(version);
  if (png) {
    // Refresh its place: the Map's order is the eviction order.
    cache.delete(version);
  } else {
    png = renderPng(card);
    png.catch(() => cache.delete(version));
  }
  cache.set(version, png);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return { version, png };
}

/**
 * The HTTP answer for a preview: cached by browsers and crawlers for an hour, revalidated by its
 * version (ETag), so a changed figure is served as soon as the cache expires; the pages link to
 * the image with `?v=<version>`, so a changed figure also gets a new URL at once.
 */
export async function previewResponse(request: Request, card: PreviewCard): Promise<Response> {
  const { version, png } = previewPng(card);
  const headers = { "Cache-Control": "public, max-age=3600", ETag: `"${version}"` };
  if (request.headers.get("If-None-Match") === headers.ETag) return new Response(null, { status: 304, headers });
  const body = await png;
  return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Type": "image/png", "Content-Length": String(body.length) } });
}

/** The site path of a preview image, with the card's version so a changed figure gets a new URL. */
export function previewPath(path: string, card: PreviewCard): string {
  const url = new URL(path, "http://site");
  url.searchParams.set("v", previewVersion(card));
  return url.pathname + url.search;
}
