import { FEED_CONTENT_TYPES, type PageFeeds } from "~/modules/open-data/feed-links";

/** A page's feeds as plain links (a feed is a document, not a page of this app). */
export function FeedLinks({ feeds, className = "" }: { feeds: PageFeeds; className?: string }) {
  return (
    <p className={`flex flex-wrap gap-x-4 gap-y-1 text-sm ${className}`}>
      <span className="text-slate-700">{feeds.label}:</span>
      {feeds.links.map((link) => (
        <a key={link.href} href={link.href} type={FEED_CONTENT_TYPES[link.format]} title={link.title}>
          {link.text}
        </a>
      ))}
    </p>
  );
}
