import type { ReactNode } from "react";

export interface SourceReference {
  citation: string | null;
  url: string | null;
}

/**
 * A figure's source: linked when it has a URL, a plain citation otherwise. With children, the
 * children (e.g. the figure itself) are the link text and the citation becomes its tooltip.
 */
export function SourceLink({ source, children }: { source: SourceReference | null; children?: ReactNode }) {
  if (!source?.citation) return children ?? null;
  const text = children ?? source.citation;
  if (!source.url) return children ? <span title={source.citation}>{children}</span> : <cite className="not-italic">{text}</cite>;
  return (
    // Underlined: sources sit in running text, where colour alone would not mark them as links.
    <a href={source.url} rel="noopener noreferrer external" title={children ? source.citation : undefined} className="break-words underline">
      {text}
    </a>
  );
}
