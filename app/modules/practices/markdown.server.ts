import MarkdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";

/**
 * Practice bodies are Markdown written by regional staff. Raw HTML is off (so `<script>` is
 * shown as text), markdown-it's link validator refuses javascript:/vbscript:/data: URLs, and
 * links leave with rel="nofollow ugc noopener" because they point outside the platform.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false }).use(markdownItAnchor, {
  level: [2, 3],
  slugify: slugifyHeading,
  permalink: markdownItAnchor.permalink.headerLink({ safariReaderFix: true }),
});

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const href = String(token.attrGet("href") ?? "");
  if (/^https?:/i.test(href)) token.attrSet("rel", "nofollow ugc noopener");
  return defaultLinkOpen(tokens, index, options, env, self);
};

/**
 * Images may only be our own evidence files (/lampiran/…): the page's CSP blocks other hosts,
 * and hot-linked images would leak readers' addresses. Any other image becomes a link to it.
 */
const EVIDENCE_IMAGE = /^\/lampiran\/\d+\//;
markdown.renderer.rules.image = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  const src = String(token.attrGet("src") ?? "");
  const alt = self.renderInlineAsText(token.children ?? [], options, _env);
  if (EVIDENCE_IMAGE.test(src)) return `<img src="${markdown.utils.escapeHtml(src)}" alt="${markdown.utils.escapeHtml(alt)}" loading="lazy">`;
  return `<a href="${markdown.utils.escapeHtml(src)}" rel="nofollow ugc noopener">${markdown.utils.escapeHtml(alt || src)}</a>`;
};

/** Heading anchors: lower-case words joined by hyphens, Indonesian letters kept. */
export function slugifyHeading(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "bagian"
  );
}

/** Markdown → HTML that is safe to insert into the page. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
