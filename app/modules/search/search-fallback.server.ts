/**
 * The search fallback (decision 0036): when Meilisearch cannot answer, PostgreSQL answers the
 * same question a little less well instead of not at all. Query words are matched whole, as a
 * prefix (the last word, still being typed) or, for a word no public practice contains,
 * by trigram word similarity (a typo); SPBE synonyms (the groups Meilisearch uses) count as the
 * same word. Practices matching the most query words (or all but one) are kept, ranked by how
 * many they match, then where and how well, with the facet counts the Meilisearch path gives.
 */
import { and, inArray, type SQL, sql } from "drizzle-orm";
import { practiceRevisions, practices, provinces, regions, revisionTextVector } from "../../../db/schema";
import { db, integerArray } from "../db.server";
import { allGroups, indicatorsIn } from "../frameworks";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import type { Locale } from "../i18n/locales";
import { adoptionCount, isPublicSql, publishedPracticeFilters, selectPublicPractices } from "../practices/index.server";
import { type IndicatorSearchDocument, indicatorDocuments, regionDocuments } from "./search-documents.server";
import { HIGHLIGHT_END, HIGHLIGHT_START, SEARCH_FACETS, SEARCH_PAGE_SIZE, type SearchFilterKey, type SearchQuery } from "./search-query";
import { FACET_VALUES_SHOWN, INDONESIAN_STOP_WORDS, SPBE_SYNONYM_GROUPS } from "./search-settings";
import { type EngineResults, localizedHit } from "./search-results";

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

/** Whether a word of a text (normalised like `searchWords`) is the phrase's word at that place. */
function wordMatches(word: string, phraseWord: string, prefix: boolean): boolean {
  return prefix ? word.startsWith(phraseWord) : word === phraseWord;
}

/**
 * The text with the concepts' phrases (whole words, in order; the last typed word as a prefix)
 * between the highlight markers, as Meilisearch's `_formatted` marks its matches. Similar words
 * (typos) are not marked.
 */
export function highlightConcepts(text: string, concepts: QueryConcept[]): string {
  const tokens = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: searchWords(match[0]).join("") }));
  const marked = new Set<number>();
  tokens.forEach((_token, at) => {
    for (const concept of concepts) {
      concept.phrases.forEach((phrase, index) => {
        const prefix = concept.prefix && index === 0;
        if (phrase.every((word, offset) => tokens[at + offset] !== undefined && wordMatches(tokens[at + offset]!.word, word, prefix && offset === phrase.length - 1))) {
          phrase.forEach((_word, offset) => marked.add(at + offset));
        }
      });
    }
  });
  let result = "";
  let from = 0;
  tokens.forEach((token, at) => {
    if (!marked.has(at)) return;
    result += `${text.slice(from, token.start)}${HIGHLIGHT_START}${text.slice(token.start, token.end)}${HIGHLIGHT_END}`;
    from = token.end;
  });
  return result + text.slice(from);
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
 * Revisions holding one of a concept's phrases, each with a score: in a title 3, in the other
 * short texts 2, in the body or the practice's region or province name 1. Full-text indexes
 * answer these without reading the texts, even for a word every practice has.
 */
function exactMatches(concept: QueryConcept, index: number, indicators: IndicatorSearchDocument[]): SQL[] {
  // Practices tagged with an SPBE indicator the concept names (Meilisearch searches those names too).
  const indicatorIds = indicators.filter((indicator) => holdsEveryConcept(`${indicator.name} ${indicator.aspectName} ${indicator.domainName}`, [concept]));
  const byIndicator =
    indicatorIds.length === 0
      ? []
      : [
          sql`select ${practiceRevisions.id}, ${index}::int, 1::real from ${practiceRevisions}
              where ${practiceRevisions.indicatorIds} && ${integerArray(indicatorIds.map((indicator) => indicator.id))}`,
        ];
  return concept.phrases.flatMap((phrase, phraseIndex) => {
    const prefix = concept.prefix && phraseIndex === 0;
    const pattern = phrasePattern(phrase, prefix);
    const tsquery = sql`to_tsquery('simple', ${phraseTsquery(phrase, prefix)}::text)`;
    return [
      sql`select ${practiceRevisions.id} as revision_id, ${index}::int as concept,
            (case when search_normalize(${practiceRevisions.title}) ~ ${pattern}::text then 3 else 2 end)::real as score
          from ${practiceRevisions} where to_tsvector('simple', ${searchText}) @@ ${tsquery}`,
      sql`select ${practiceRevisions.id}, ${index}::int, 1::real from ${practiceRevisions} where ${revisionTextVector(practiceRevisions)} @@ ${tsquery}`,
      sql`select ${practices.publishedRevisionId}, ${index}::int, 1::real
          from ${practices} join ${regions} on ${regions.code} = ${practices.regionCode} join ${provinces} on ${provinces.code} = ${regions.provinceCode}
          where ${isPublicSql()} and search_normalize(${regions.name} || ' ' || ${provinces.name}) ~ ${pattern}::text`,
    ];
  }).concat(byIndicator);
}

/**
 * For a word no public practice holds (a typo, presumably): public practices with a similar
 * word in their short texts, scored 1 to 2 by how similar a word of the title is (the title
 * only: the index check already computed the whole short text once per candidate, and a
 * common misspelling has thousands). PostgreSQL checks the condition on `exact_matches` once
 * and skips the scan when the word was found.
 */
function similarMatches(concept: QueryConcept, index: number): SQL[] {
  const word = concept.phrases[0]![0]!;
  if (!concept.typo) return [];
  return [
    sql`select ${practices.id}, ${index}::int, 1 + word_similarity(${word}::text, search_normalize(${practiceRevisions.title}))
        from ${practiceRevisions} join ${practices} on ${practices.publishedRevisionId} = ${practiceRevisions.id}
        where ${isPublicSql()} and not exists (select from exact_matches where concept = ${index}::int) and ${word}::text <% ${searchText}`,
  ];
}

/**
 * Public practices passing the filters that match all but at most one of the most concepts any
 * practice matches (all of them when one does), as `hits(id, matched, score, …)`; without
 * concepts, every one passing the filters. Like Meilisearch's default matching strategy, a
 * long query still finds practices that miss one of its words, ranked after those that don't.
 */
async function hitsTable(query: SearchQuery, concepts: QueryConcept[]): Promise<SQL> {
  const filters = await publishedPracticeFilters({
    ...query,
    region: null,
    sort: "terbaru",
    text: undefined,
  });
  const adoptions = query.sort === "terbanyak-diadopsi" ? adoptionCount : sql`0`;
  const columns = sql`${practices.id} as id, ${practices.publishedAt} as published_at, ${adoptions} as adoptions,
    ${practiceRevisions.indicatorIds} as indicator_ids, ${practiceRevisions.tags} as tags, ${practiceRevisions.stage}::text as stage,
    ${practiceRevisions.runningStatus}::text as running_status, left(${practiceRevisions.startedOn}, 4) as year,
    btrim(${practiceRevisions.titleEn}) <> '' as english, ${regions.provinceCode} as province_code, ${regions.type}::text as region_type`;
  const joins = sql`join ${practiceRevisions} on ${practiceRevisions.id} = ${practices.publishedRevisionId}
    join ${regions} on ${regions.code} = ${practices.regionCode}`;
  const where = and(isPublicSql(), filters.practice, filters.revision, filters.region);
  if (concepts.length === 0) {
    return sql`filtered as (select ${columns}, 0 as matched, 0 as score from ${practices} ${joins} where ${where}),
      hits as (select * from filtered)`;
  }
  const similar = concepts.flatMap(similarMatches);
  const indicators = await indicatorDocuments();
  return sql`exact_matches as (
      select ${practices.id} as practice_id, matches.concept, matches.score
      from (${sql.join(
        concepts.flatMap((concept, index) => exactMatches(concept, index, indicators)),
        sql` union all `,
      )}) as matches
      join ${practices} on ${practices.publishedRevisionId} = matches.revision_id where ${isPublicSql()}
    ),
    concept_scores as (
      select practice_id, concept, max(score) as score
      from (select * from exact_matches ${similar.length > 0 ? sql`union all ${sql.join(similar, sql` union all `)}` : sql``}) as matches
      group by practice_id, concept
    ),
    practice_scores as (select practice_id, count(*) as matched, sum(score) as score from concept_scores group by practice_id),
    filtered as (
      select ${columns}, practice_scores.matched, practice_scores.score
      from practice_scores join ${practices} on ${practices.id} = practice_scores.practice_id ${joins} where ${where}
    ),
    hits as (select * from filtered where matched >= (select max(matched) from filtered) - 1)`;
}

interface FacetRow {
  facet: string;
  value: string;
  count: number;
}

const ORDER_BY: Record<SearchQuery["sort"], SQL> = {
  relevan: sql`matched desc, score desc, published_at desc, id desc`,
  terbaru: sql`published_at desc, id desc`,
  "terbanyak-diadopsi": sql`adoptions desc, published_at desc, id desc`,
};

/**
 * How many hits have each value of a facet, named as Meilisearch's facet distribution names
 * them, except indicators, counted by node id (`indicatorNumbers` turns them into numbers).
 */
async function facetCountsSql(): Promise<SQL> {
  const groups = allGroups((await getFrameworkTree(SPBE_2020)).groups).filter((group) => group.kind === "domain" || group.kind === "aspect");
  const byColumn = (key: SearchFilterKey, column: string) =>
    sql`select ${key}::text, ${sql.raw(column)}, count(*) from hits where ${sql.raw(column)} is not null group by 2`;
  return sql.join(
    [
      byColumn("province", "province_code"),
      byColumn("regionType", "region_type"),
      // A practice with several indicators of one aspect counts once for it.
      ...groups.map(
        (group) =>
          sql`select ${group.kind}::text, ${group.name}::text, count(*) from hits
              where indicator_ids && ${integerArray(indicatorsIn([group]).map((indicator) => indicator.id))} having count(*) > 0`,
      ),
      sql`select 'indicator', indicator_id::text, count(*) from hits, unnest(hits.indicator_ids) as indicator_id group by 2`,
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

/** The indicator facet's values are node ids in SQL; the page's are SPBE 2020 indicator numbers. */
async function indicatorNumbers(rows: FacetRow[]): Promise<FacetRow[]> {
  const { indicatorsById } = await getFrameworkTree(SPBE_2020);
  return rows.flatMap((row) => {
    if (row.facet !== "indicator") return [row];
    const indicator = indicatorsById.get(Number(row.value));
    return indicator ? [{ ...row, value: String(indicator.number) }] : [];
  });
}

/** The most frequent values of each facet, as many as Meilisearch gives (FACET_VALUES_SHOWN). */
function topFacetCounts(rows: FacetRow[]): EngineResults["facetCounts"] {
  return Object.fromEntries(
    SEARCH_FACETS.map((key) => [
      key,
      Object.fromEntries(
        rows
          .filter((row) => row.facet === key)
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
          .slice(0, FACET_VALUES_SHOWN)
          .map((row) => [row.value, row.count])
      ),
    ])
  );
}

/** Whether a text (normalised like the query) holds every concept, as whole words. */
function holdsEveryConcept(text: string, concepts: QueryConcept[]): boolean {
  const words = ` ${searchWords(text).join(" ")} `;
  return concepts.every((concept) =>
    concept.phrases.some((phrase, index) => (concept.prefix && index === 0 ? words.includes(` ${phrase.join(" ")}`) : words.includes(` ${phrase.join(" ")} `)))
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
      .map(({ number, name, domainName }) => ({
        number,
        name,
        domainName,
        href: `/indikator/${number}?kerangka=${SPBE_2020}`,
      })),
  };
}

/** Degraded mode: published practices from PostgreSQL, forgiving typos, with facet counts and highlights. */
export async function searchDatabase(query: SearchQuery, locale: Locale): Promise<EngineResults> {
  const concepts = queryConcepts(query.text);
  const [hits, facets] = await Promise.all([hitsTable(query, concepts), facetCountsSql()]);
  const [summary] = await db().transaction(async (tx) => {
    // For this statement only (set_config's `true`: until the transaction ends):
    // - word matches must come from the full-text indexes: estimating that a common word is in
    //   most practices, the planner would rather scan the table, computing every practice's
    //   text vector (its whole body) again, which takes seconds at 20,000 practices;
    // - typos a little stricter than pg_trgm's 0.6, measured with the relevance harness:
    //   "pengadaun" stays close to pengadaan (0.7) but no longer to pengaduan (0.6).
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('pg_trgm.word_similarity_threshold', '0.65', true)`);
    return tx.execute<{ total: number; ids: number[]; facets: FacetRow[] }>(sql`
      with ${hits}
      select
        (select count(*)::int from hits) as total,
        (select coalesce(json_agg(id), '[]') from (
          select id from hits order by ${ORDER_BY[query.sort]} limit ${SEARCH_PAGE_SIZE} offset ${(query.page - 1) * SEARCH_PAGE_SIZE}
        ) as page) as ids,
        (select coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'count', count)), '[]')
          from (${facets}) as facet_counts(facet, value, count)) as facets
    `);
  });
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
          { where: inArray(practices.id, ids) }
        ),
    concepts.length > 0 && query.page === 1 ? otherHits(concepts) : { regions: [], indicators: [] },
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    engine: "database",
    total,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    facetCounts: topFacetCounts(await indicatorNumbers(summary?.facets ?? [])),
    hits: ids.flatMap((id) => {
      const practice = byId.get(id);
      return practice
        ? [
            {
              id,
              ...localizedHit(locale, {
                title: highlightConcepts(practice.title, concepts),
                titleEn: highlightConcepts(practice.titleEn, concepts),
                summary: highlightConcepts(practice.summary, concepts),
                summaryEn: highlightConcepts(practice.summaryEn, concepts),
              }),
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
