import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders headings with anchors, tables and links", () => {
    const html = renderMarkdown("## Hasil Utama\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[sumber](https://example.go.id)");
    expect(html).toContain('<h2 id="hasil-utama"');
    expect(html).toContain('href="#hasil-utama"');
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://example.go.id" rel="nofollow ugc noopener">sumber</a>');
  });

  it("shows raw HTML as text instead of running it", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("refuses javascript:, vbscript: and data: links", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4="]) {
      const html = renderMarkdown(`[klik](${href})`);
      expect(html).not.toContain("<a");
      expect(html).not.toMatch(/href="(javascript|vbscript|data):/i);
    }
  });

  it("escapes attribute breakouts in link titles and image alt text", () => {
    const html = renderMarkdown('[x](https://a.id "\\" onmouseover=\\"alert(1)") ![" onerror="alert(1)](https://a.id/x.png)');
    expect(html).not.toMatch(/ onmouseover="/);
    expect(html).not.toMatch(/ onerror="/);
  });
});

describe("renderMarkdown images", () => {
  it("shows our own evidence images and turns other images into links", () => {
    expect(renderMarkdown("![Foto](/lampiran/3/foto.png)")).toContain('<img src="/lampiran/3/foto.png" alt="Foto" loading="lazy">');
    const external = renderMarkdown("![Peta](https://pelacak.example/x.png)");
    expect(external).not.toContain("<img");
    expect(external).toContain('<a href="https://pelacak.example/x.png" rel="nofollow ugc noopener">Peta</a>');
    expect(renderMarkdown("![x](javascript:alert(1))")).not.toMatch(/(href|src)="javascript:/i);
  });
});
