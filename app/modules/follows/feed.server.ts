/**
 * "My feed" (/umpan-saya): what changed in what a user follows, newest first. Each source is
 * read straight from its tables (this area sits below practices, visits and applications in the
 * layers of decision 0008, so practices can notify followers in the publish's transaction).
 */
import { sql } from "drizzle-orm";
import { db } from "../db.server";
import { FEED_PAGE_SIZE } from "./targets";

export type FeedItem =
  | { kind: "practice" | "revision"; at: string; id: number; link: string; title: string; region: string }
  | { kind: "adoption"; at: string; id: number; link: string; title: string; region: string; sourceRegion: string }
  | { kind: "result"; at: string; id: number; link: string; region: string; framework: string; year: number; value: number; decimals: number; source: string }
  | { kind: "visit"; at: string; id: number; link: string; region: string; visitorRegion: string }
  | { kind: "application"; at: string; id: number; link: string; title: string; region: string };

interface FeedRow extends Record<string, unknown> {
  kind: FeedItem["kind"];
  at: string | Date;
  /** `at` to the microsecond, for the next page's key (a Date keeps milliseconds only). */
  cursor_at: string;
  id: number;
  link: string;
  title: string | null;
  region: string;
  other_region: string | null;
  framework: string | null;
  year: number | null;
  value: number | null;
  decimals: number | null;
  source: string | null;
}

/**
 * Where a page starts: just after the item with this time, kind and id in the feed's order (`?sebelum=` of
 * /umpan-saya), so items that arrive meanwhile come before it and shift nothing on later pages.
 */
export interface FeedCursor {
  at: string;
  kind: string;
  id: number;
}

const FEED_KINDS: readonly string[] = ["practice", "revision", "adoption", "result", "visit", "application"];

/** `2026-12-01T03:04:05.123456Z~practice~12` as the URL holds it; anything else is null (the newest page). */
export function parseFeedCursor(value: string | null): FeedCursor | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~([a-z]+)~(\d{1,15})$/.exec(value ?? "");
  if (!match || !FEED_KINDS.includes(match[2]!)) return null;
  // A real instant (not 30 February, which Date would roll over and PostgreSQL would refuse).
  const time = Date.parse(match[1]!);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 23) !== match[1]!.slice(0, 23)) return null;
  return { at: match[1]!, kind: match[2]!, id: Number(match[3]) };
}

export function feedCursorParam(cursor: FeedCursor): string {
  return `${cursor.at}~${cursor.kind}~${cursor.id}`;
}

/**
 * One page of the feed, from the newest or after `after` (keyset paging: a page reads its
 * FEED_PAGE_SIZE items however deep it is). `olderFrom` is the next page's key. Items: a practice published for the first time or a new
 * revision of it published (while the practice is public), an adoption by or from a followed
 * region (the adopter public), an official result imported for a followed region (kind and
 * source named), a completed study visit to or from a followed region, an application a
 * followed region shares or one serving a followed indicator.
 */
export async function feedPage(userId: number, after: FeedCursor | null): Promise<{ items: FeedItem[]; olderFrom: FeedCursor | null }> {
  // The order is (at desc, kind, id desc): "after" a key is older, or as old and later in that order.
  const afterKey = after
    ? sql`where at < ${after.at}::timestamptz or (at = ${after.at}::timestamptz and (kind > ${after.kind} or (kind = ${after.kind} and id < ${after.id})))`
    : sql``;
  const rows = await db().execute<FeedRow>(sql`
    with followed as (select target_type::text as type, target_key as key from follows where user_id = ${userId}),
    followed_regions as (select key from followed where type = 'region'),
    followed_indicators as (select array_agg(key::int) as ids from followed where type = 'indicator'),
    followed_tags as (select array_agg(key) as tags from followed where type = 'tag'),
    items as (
      select case when exists (
               select 1 from practice_review_events earlier
               where earlier.practice_id = e.practice_id and earlier.kind = 'published' and earlier.id < e.id
             ) then 'revision' else 'practice' end as kind,
             e.created_at as at, e.id, '/praktik/' || p.id as link, r.title, rg.name as region,
             null as other_region, null as framework, null::int as year, null::float8 as value, null::int as decimals, null as source
      from practice_review_events e
      join practices p on p.id = e.practice_id
      join practice_revisions r on r.id = e.revision_id
      join regions rg on rg.code = p.region_code
      where e.kind = 'published' and p.published_revision_id is not null and p.state <> 'archived'
        and (p.region_code in (select key from followed_regions)
          or r.indicator_ids && coalesce((select ids from followed_indicators), '{}')
          or r.tags && coalesce((select tags from followed_tags), '{}'))
      union all
      select 'adoption', a.recorded_at, a.adopter_practice_id, '/praktik/' || p.id, r.title, rg.name,
             source_region.name, null, null, null, null, null
      from practice_adoptions a
      join practices p on p.id = a.adopter_practice_id
      join practice_revisions r on r.id = p.published_revision_id
      join regions rg on rg.code = p.region_code
      join regions source_region on source_region.code = a.source_region_code
      where p.state <> 'archived'
        and (p.region_code in (select key from followed_regions) or a.source_region_code in (select key from followed_regions))
      union all
      select 'result', pr.created_at, pr.id, '/daerah/' || pr.region_code || '/benchmark?kerangka=' || f.slug, null, rg.name,
             null, f.short_name, pr.year, pr.value::float8, pr.decimals, s.citation
      from published_results pr
      join frameworks f on f.id = pr.framework_id
      join sources s on s.id = pr.source_id
      join regions rg on rg.code = pr.region_code
      where pr.origin = 'import' and pr.superseded_at is null and pr.region_code in (select key from followed_regions)
      union all
      select 'visit', done.created_at, v.id, '/kunjungan/' || v.id, null, host.name,
             visitor.name, null, null, null, null, null
      from visits v
      join visit_events done on done.visit_id = v.id and done.kind = 'completed'
      join regions host on host.code = v.host_region_code
      join regions visitor on visitor.code = v.visitor_region_code
      where v.status = 'completed'
        and (v.host_region_code in (select key from followed_regions) or v.visitor_region_code in (select key from followed_regions))
      union all
      select 'application', app.created_at, app.id, '/aplikasi/' || app.id, app.name, rg.name,
             null, null, null, null, null, null
      from applications app
      join regions rg on rg.code = app.region_code
      where app.region_code in (select key from followed_regions)
        or app.indicator_ids && coalesce((select ids from followed_indicators), '{}')
    )
    select *, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at from items
    ${afterKey}
    order by at desc, kind, id desc
    limit ${FEED_PAGE_SIZE + 1}`);
  const page = [...rows].slice(0, FEED_PAGE_SIZE);
  const last = page.at(-1);
  return { items: page.map(toItem), olderFrom: rows.length > FEED_PAGE_SIZE && last ? { at: last.cursor_at, kind: last.kind, id: Number(last.id) } : null };
}

function toItem(row: FeedRow): FeedItem {
  const base = { at: new Date(row.at).toISOString(), id: row.id, link: row.link, region: row.region };
  switch (row.kind) {
    case "practice":
    case "revision":
    case "application":
      return { ...base, kind: row.kind, title: row.title ?? "" };
    case "adoption":
      return { ...base, kind: row.kind, title: row.title ?? "", sourceRegion: row.other_region ?? "" };
    case "result":
      return { ...base, kind: row.kind, framework: row.framework ?? "", year: row.year ?? 0, value: row.value ?? 0, decimals: row.decimals ?? 2, source: row.source ?? "" };
    case "visit":
      return { ...base, kind: row.kind, visitorRegion: row.other_region ?? "" };
  }
}
