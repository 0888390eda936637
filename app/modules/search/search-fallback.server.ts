/**
 * The search fallback (decision 0036): when Meilisearch cannot answer, PostgreSQL answers the
 * same question a little less well instead of not at all. Query words are matched whole, as a
 * prefix (the last word, still being typed) or, for a word no public practice contains,
 * by trigram word similarity (a typo); SPBE synonyms (the groups Meilisearch uses) count as the
 * same word. Practices matching the most query words are kept, ranked by where and how well they
 * matched, with the facet counts the Meilisearch path gives.
 */
import { and, inArray, type SQL, sql } from "drizzle-orm";
import { practiceRevisions, practices, provinces, regions, revisionTextVector } from "../../../db/schema";
import { db } from "../db.server";
import { SPBE_2020 } from "../frameworks/index.server";
import type { Locale } from "../i18n/locales";
import { adoptionCount, isPublicSql, publishedPracticeFilters, selectPublicPractices } from "../practices/index.server";
import { indicatorDocuments, regionDocuments } from "./search-documents.server";
import { SEARCH_FACETS, SEARCH_PAGE_SIZE, type SearchFilterKey, type SearchQuery } from "./search-query";
import { FACET_VALUES_SHOWN, INDONESIAN_STOP_WORDS, SPBE_SYNONYM_GROUPS } from "./search-settings";
import { type EngineResults, localizedHit } from "./search.server";

/** Meilisearch too reads only the first ten words of a query. */
const MAX_QUERY_WORDS = 10;
/** Shorter words are matched whole only: a two-letter prefix or typo would match nearly everything. */
const MIN_PREFIX_LENGTH = 3;
const MIN_TYPO_LENGTH = 4;
/** Regions and indicators shown above the practices, as the Meilisearch path shows. */
const OTHER_HITS = 5;

/**
 * Lower case, accents and other marks removed, split into words of letters and digits: the
 * same words `search_normalize` (unaccent + lower) leaves in the indexed text. Everything else
 * (punctuation, `%`, `_`, `\`, emoji) separates words, so no query character reaches a
 * LIKE pattern, a regular expression or a tsquery unescaped.
 */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** One thing the query asks for: a word, or a synonym term, with the phrases that count as it. */
export interface QueryConcept {
  /** Each a sequence of words; the first is what was typed. */
  phrases: string[][];
  /** The typed word may be the start of a longer one (the query's last word). */
  prefix: boolean;
  /** The typed single word may be misspelt (matched by similarity when no practice has it). */
  typo: boolean;
}

const synonymGroups = SPBE_SYNONYM_GROUPS.map((group) => group.map(searchWords).filter((words) => words.length > 0));
const stopWords = new Set(INDONESIAN_STOP_WORDS);

function startsWith(words: string[], at: number, phrase: string[]): boolean {
  return phrase.every((word, index) => words[at + index] === word);
}

/**
 * The query's concepts, left to right: the longest synonym term starting at each word (with
 * all its group's terms), else the word itself; stop words are skipped, as Meilisearch does.
 */
export function queryConcepts(text: string): QueryConcept[] {
  const words = searchWords(text);
  const concepts: QueryConcept[] = [];
  let at = 0;
  while (at < words.length && concepts.length < MAX_QUERY_WORDS) {
    let term: { phrase: string[]; group: string[][] } | null = null;
    for (const group of synonymGroups) {
      for (const phrase of group) {
        if (phrase.length > (term?.phrase.length ?? 0) && startsWith(words, at, phrase)) term = { phrase, group };
      }
    }
    if (term) {
      const typed = term.phrase;
      concepts.push({ phrases: [typed, ...term.group.filter((phrase) => phrase !== typed)], prefix: false, typo: false });
      at += typed.length;
      continue;
    }
    const word = words[at]!;
    const last = at === words.length - 1;
    at += 1;
    if (stopWords.has(word)) continue;
    concepts.push({ phrases: [[word]], prefix: last && word.length >= MIN_PREFIX_LENGTH, typo: word.length >= MIN_TYPO_LENGTH });
  }
  return concepts;
}

/** A PostgreSQL regular expression for a phrase as whole words (the words are letters and digits only). */
function phrasePattern(phrase: string[], prefix: boolean): string {
  return `\\m${phrase.join("\\W+")}${prefix ? "" : "\\M"}`;
}

/** The same as a full-text query: adjacent words, the last a prefix when asked. */
function phraseTsquery(phrase: string[], prefix: boolean): string {
  return `${phrase.join(" <-> ")}${prefix ? ":*" : ""}`;
}

/** The indexed short text of a revision (migration 0015): titles, summaries, lead agency, tags. */
const searchText = sql`practice_search_text(${practiceRevisions.title}, ${practiceRevisions.titleEn}, ${practiceRevisions.summary}, ${practiceRevisions.summaryEn}, ${practiceRevisions.leadOpd}, ${practiceRevisions.tags})`;

/**
 * Revisions matching one concept, each with a score: in a title 3, in the other short texts 2,
 * in the body or the practice's region or province name 1, by similarity up to 2. `exact`
 * says whether the word itself (or its prefix, or a synonym) was found; similarity matches
 * are used only for concepts nothing exact matched.
 */
function conceptMatches(concept: QueryConcept, index: number): SQL[] {
  return concept.phrases.flatMap((phrase, phraseIndex) => {
    const prefix = concept.prefix && phraseIndex === 0;
    const pattern = phrasePattern(phrase, prefix);
    const branches = [
      sql`select ${practiceRevisions.id} as revision_id, ${index}::int as concept, true as exact,
            (case when search_normalize(${practiceRevisions.title}) ~ ${pattern}::text then 3 else 2 end)::real as score
          from ${practiceRevisions} where ${searchText} ~ ${pattern}::text`,
      sql`select ${practiceRevisions.id}, ${index}::int, true, 1::real
          from ${practiceRevisions} where ${revisionTextVector(practiceRevisions)} @@ to_tsquery('simple', ${phraseTsquery(phrase, prefix)}::text)`,
      sql`select ${practices.publishedRevisionId}, ${index}::int, true, 1::real
          from ${practices} join ${regions} on ${regions.code} = ${practices.regionCode} join ${provinces} on ${provinces.code} = ${regions.provinceCode}
          where ${isPublicSql()} and search_normalize(${regions.name} || ' ' || ${provinces.name}) ~ ${pattern}::text`,
    ];
    if (concept.typo && phraseIndex === 0) {
      const word = phrase[0]!;
      branches.push(
        sql`select ${practiceRevisions.id}, ${index}::int, false, 2 * word_similarity(${word}::text, ${searchText})
            from ${practiceRevisions} where ${word}::text <% ${searchText}`,
      );
    }
    return branches;
  });
}

/** Ids of SPBE 2020 indicators by node id, with their number, aspect and domain (for the facets). */
async function indicatorFacetNames() {
  return (await indicatorDocuments()).map(({ id, number, aspectName, domainName }) => ({ id, number, aspect: aspectName, domain: domainName }));
}

/**
 * Public practices passing the filters that match the most concepts (all of them when any
 * practice does), as `hits(id, score, …)`; without concepts, every one passing the filters.
 */
async function hitsTable(query: SearchQuery, concepts: QueryConcept[]): Promise<SQL> {
  const filters = await publishedPracticeFilters({ ...query, region: null, sort: "terbaru", text: undefined });
  const adoptions = query.sort === "terbanyak-diadopsi" ? adoptionCount : sql`0`;
  const columns = sql`${practices.id} as id, ${practices.publishedAt} as published_at, ${adoptions} as adoptions,
    ${practiceRevisions.indicatorIds} as indicator_ids, ${practiceRevisions.tags} as tags, ${practiceRevisions.stage}::text as stage,
    ${practiceRevisions.runningStatus}::text as running_status, left(${practiceRevisions.startedOn}, 4) as year,
    btrim(${practiceRevisions.titleEn}) <> '' as english, ${regions.provinceCode} as province_code, ${regions.type}::text as region_type`;
  const joins = sql`join ${practiceRevisions} on ${practiceRevisions.id} = ${practices.publishedRevisionId}
    join ${regions} on ${regions.code} = ${practices.regionCode}`;
  const where = and(isPublicSql(), filters.revision, filters.region);
  if (concepts.length === 0) {
    return sql`filtered as (select ${columns}, 0 as score from ${practices} ${joins} where ${where}),
      hits as (select * from filtered)`;
  }
  return sql`matches as (${sql.join(concepts.flatMap(conceptMatches), sql` union all `)}),
    public_matches as (
      select ${practices.id} as practice_id, matches.concept, matches.exact, matches.score
      from matches join ${practices} on ${practices.publishedRevisionId} = matches.revision_id where ${isPublicSql()}
    ),
    exact_concepts as (select distinct concept from public_matches where exact),
    concept_scores as (
      select practice_id, concept, max(score) as score from public_matches
      where exact or concept not in (select concept from exact_concepts)
      group by practice_id, concept
    ),
    practice_scores as (select practice_id, count(*) as matched, sum(score) as score from concept_scores group by practice_id),
    filtered as (
      select ${columns}, practice_scores.matched, practice_scores.score
      from practice_scores join ${practices} on ${practices.id} = practice_scores.practice_id ${joins} where ${where}
    ),
    hits as (select * from filtered where matched = (select max(matched) from filtered))`;
}

const ORDER_BY: Record<SearchQuery["sort"], SQL> = {
  relevan: sql`score desc, published_at desc, id desc`,
  terbaru: sql`published_at desc, id desc`,
  "terbanyak-diadopsi": sql`adoptions desc, published_at desc, id desc`,
};

/** How many hits have each value of a facet (values as Meilisearch's facet distribution names them). */
function facetCountsSql(indicators: Awaited<ReturnType<typeof indicatorFacetNames>>): SQL {
  const indicatorNames = sql`json_to_recordset(${JSON.stringify(indicators)}::json) as indicator(id int, number int, aspect text, domain text)`;
  const byIndicator = (key: SearchFilterKey, column: string) =>
    sql`select ${key}::text, indicator.${sql.raw(column)}::text, count(distinct hits.id) from hits join ${indicatorNames} on indicator.id = any(hits.indicator_ids) group by 2`;
  const byColumn = (key: SearchFilterKey, column: string) =>
    sql`select ${key}::text, ${sql.raw(column)}, count(*) from hits where ${sql.raw(column)} is not null group by 2`;
  return sql.join(
    [
      byColumn("province", "province_code"),
      byColumn("regionType", "region_type"),
      byIndicator("domain", "domain"),
      byIndicator("aspect", "aspect"),
      byIndicator("indicator", "number"),
      byColumn("stage", "stage"),
      byColumn("status", "running_status"),
      byColumn("year", "year"),
      // Every practice is in Indonesian; some in English too.
      sql`select 'language', 'id', count(*) from hits having count(*) > 0`,
      sql`select 'language', 'en', count(*) from hits where english having count(*) > 0`,
      sql`select 'tag', tag, count(*) from hits, unnest(hits.tags) as tag group by 2`,
    ],
    sql` union all `,
  );
}

/** The most frequent values of each facet, as many as Meilisearch gives (FACET_VALUES_SHOWN). */
function topFacetCounts(rows: { facet: string; value: string; count: number }[]): EngineResults["facetCounts"] {
  return Object.fromEntries(
    SEARCH_FACETS.map((key) => [
      key,
      Object.fromEntries(
        rows
          .filter((row) => row.facet === key)
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
          .slice(0, FACET_VALUES_SHOWN)
          .map((row) => [row.value, row.count]),
      ),
    ]),
  );
}

/** Whether a text (normalised like the query) holds every concept, as whole words. */
function holdsEveryConcept(text: string, concepts: QueryConcept[]): boolean {
  const words = ` ${searchWords(text).join(" ")} `;
  return concepts.every((concept) =>
    concept.phrases.some((phrase, index) =>
      concept.prefix && index === 0 ? words.includes(` ${phrase.join(" ")}`) : words.includes(` ${phrase.join(" ")} `),
    ),
  );
}

/**
 * Regions and indicators whose names hold every word of the query, without typo tolerance:
 * short names are where a typo turns "tanda" into "Tana".
 */
async function otherHits(concepts: QueryConcept[]): Promise<Pick<EngineResults, "regions" | "indicators">> {
  const [regionRows, indicatorRows] = await Promise.all([regionDocuments(), indicatorDocuments()]);
  return {
    regions: regionRows
      .filter((region) => holdsEveryConcept(`${region.name} ${region.provinceName}`, concepts))
      .slice(0, OTHER_HITS)
      .map(({ code, name, provinceName }) => ({ code, name, provinceName })),
    indicators: indicatorRows
      .filter((indicator) => holdsEveryConcept(`${indicator.name} ${indicator.aspectName} ${indicator.domainName}`, concepts))
      .slice(0, OTHER_HITS)
      .map(({ number, name, domainName }) => ({ number, name, domainName, href: `/indikator/${number}?kerangka=${SPBE_2020}` })),
  };
}

/** Degraded mode: published practices from PostgreSQL, forgiving typos, with facet counts. */
export async function searchDatabase(query: SearchQuery, locale: Locale): Promise<EngineResults> {
  const concepts = queryConcepts(query.text);
  const [hits, indicators] = await Promise.all([hitsTable(query, concepts), indicatorFacetNames()]);
  const [summary] = await db().execute<{ total: number; ids: number[]; facets: { facet: string; value: string; count: number }[] }>(sql`
    with ${hits}
    select
      (select count(*)::int from hits) as total,
      (select coalesce(json_agg(id), '[]') from (
        select id from hits order by ${ORDER_BY[query.sort]} limit ${SEARCH_PAGE_SIZE} offset ${(query.page - 1) * SEARCH_PAGE_SIZE}
      ) as page) as ids,
      (select coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'count', count)), '[]')
        from (${facetCountsSql(indicators)}) as facet_counts(facet, value, count)) as facets
  `);
  const total = summary?.total ?? 0;
  const ids = summary?.ids ?? [];
  const [rows, others] = await Promise.all([
    ids.length === 0
      ? []
      : selectPublicPractices(
          {
            id: practices.id,
            title: practiceRevisions.title,
            titleEn: practiceRevisions.titleEn,
            summary: practiceRevisions.summary,
            summaryEn: practiceRevisions.summaryEn,
            regionCode: regions.code,
            regionName: regions.name,
            provinceName: provinces.name,
            stage: practiceRevisions.stage,
          },
          { where: inArray(practices.id, ids) },
        ),
    concepts.length > 0 && query.page === 1 ? otherHits(concepts) : { regions: [], indicators: [] },
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    engine: "database",
    total,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    facetCounts: topFacetCounts(summary?.facets ?? []),
    hits: ids.flatMap((id) => {
      const practice = byId.get(id);
      return practice
        ? [
            {
              id,
              ...localizedHit(locale, practice),
              regionCode: practice.regionCode,
              regionName: practice.regionName,
              provinceName: practice.provinceName,
              stage: practice.stage,
            },
          ]
        : [];
    }),
    ...others,
  };
}
