/**
 * The benchmark's scale dataset: a sample SPBE 2020 assessment (47 indicator levels, stored
 * index and sub-indices) for every kabupaten/kota and year 2020–2024, plus 20,000 published
 * synthetic practices with ~2,000 adoptions between them. Loaded with set-based SQL in one
 * transaction, and only once per database.
 */
import postgres from "postgres";
import { computeFrameworkIndex, type FrameworkNode } from "../../app/modules/frameworks/framework-index";
import { levelsForTarget, plausibleIndex, seededRandom } from "../../app/modules/benchmark/sample-levels";
import { PRACTICE_STAGES } from "../../app/modules/practices/practice-content";
import { LEAD_OPDS, pick, pickSome, practiceText, TAG_VOCABULARY } from "./practice-text";

const FRAMEWORK_SLUG = "spbe-2020";
const YEARS = [2020, 2021, 2022, 2023, 2024];
const PRACTICE_COUNT = 20_000;
const ADOPTION_COUNT = 2_000;
/** Practices per INSERT statement (each one carries ~5 MB of text). */
const PRACTICE_BATCH = 2_500;
/** practices.seed_key of every synthetic practice starts with this. */
const SEED_KEY_PREFIX = "bench-";
const PUBLISHED_OVER_MS = 3 * 365 * 86_400_000;

type Transaction = postgres.TransactionSql;

interface Region {
  code: string;
  name: string;
  shortName: string;
}

function log(message: string) {
  console.log(`[bench] ${message}`);
}

/** A Postgres array literal ('{"a","b c"}'), for array columns passed through unnest as text. */
function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((value) => `"${String(value).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

async function loadAssessments(tx: Transaction, frameworkId: number, nodes: FrameworkNode[], regions: Region[]) {
  const indicators = nodes.filter((node) => node.kind === "indicator");
  const assessmentColumns = { regionCode: [] as string[], year: [] as number[], index: [] as number[], subIndices: [] as string[] };
  const levelColumns = { regionCode: [] as string[], year: [] as number[], nodeId: [] as number[], level: [] as number[] };
  for (const { code } of regions) {
    for (const year of YEARS) {
      // Levels that reproduce a plausible index; the stored index is still computed from them.
      const levels = levelsForTarget(indicators, plausibleIndex(code, year, new Map()), seededRandom(`bench:${code}:${year}`));
      const computed = computeFrameworkIndex(nodes, levels);
      if (computed.index === null) throw new Error(`no index for ${code} ${year}: levels incomplete`);
      assessmentColumns.regionCode.push(code);
      assessmentColumns.year.push(year);
      assessmentColumns.index.push(computed.index);
      assessmentColumns.subIndices.push(JSON.stringify(computed.subIndices));
      for (const [nodeId, level] of levels) {
        levelColumns.regionCode.push(code);
        levelColumns.year.push(year);
        levelColumns.nodeId.push(nodeId);
        levelColumns.level.push(level);
      }
    }
  }

  await tx`
    insert into assessments (region_code, framework_id, year, kind, computed_index, sub_indices)
    select t.region_code, ${frameworkId}, t.year, 'sample', t.computed_index, t.sub_indices::jsonb
    from unnest(${assessmentColumns.regionCode}::text[], ${assessmentColumns.year}::int[],
                ${assessmentColumns.index}::numeric[], ${assessmentColumns.subIndices}::text[])
      as t(region_code, year, computed_index, sub_indices)
    on conflict (region_code, framework_id, year, kind) do update
      set computed_index = excluded.computed_index, sub_indices = excluded.sub_indices, updated_at = now()`;
  await tx`
    delete from assessment_levels l using assessments a
    where a.id = l.assessment_id and a.framework_id = ${frameworkId} and a.kind = 'sample' and a.year = any(${YEARS}::int[])`;
  await tx`
    insert into assessment_levels (assessment_id, node_id, level)
    select a.id, t.node_id, t.level
    from unnest(${levelColumns.regionCode}::text[], ${levelColumns.year}::int[], ${levelColumns.nodeId}::int[], ${levelColumns.level}::int[])
      as t(region_code, year, node_id, level)
    join assessments a on a.region_code = t.region_code and a.year = t.year and a.framework_id = ${frameworkId} and a.kind = 'sample'`;
  return { assessments: assessmentColumns.regionCode.length, levels: levelColumns.level.length };
}

interface SyntheticPractice {
  seedKey: string;
  regionCode: string;
  title: string;
  summary: string;
  body: string;
  leadOpd: string;
  indicatorIds: number[];
  tags: string[];
  stage: (typeof PRACTICE_STAGES)[number];
  startedOn: string;
  firstPublishedAt: Date;
  publishedAt: Date;
}

function syntheticPractice(index: number, regions: Region[], indicatorIds: number[], now: number, random: () => number): SyntheticPractice {
  const region = pick(regions, random);
  const firstPublishedAt = new Date(now - random() * PUBLISHED_OVER_MS);
  // One in five was revised and republished later.
  const republishedAfterMs = random() < 0.2 ? random() * 90 * 86_400_000 : 0;
  const publishedAt = new Date(Math.min(now, firstPublishedAt.getTime() + republishedAfterMs));
  return {
    seedKey: `${SEED_KEY_PREFIX}${index}`,
    regionCode: region.code,
    ...practiceText(region, random),
    leadOpd: pick(LEAD_OPDS, random),
    indicatorIds: pickSome(indicatorIds, 4, random),
    tags: pickSome(TAG_VOCABULARY, 4, random),
    stage: pick(PRACTICE_STAGES, random),
    startedOn: String(firstPublishedAt.getFullYear() - Math.floor(random() * 3)),
    firstPublishedAt,
    publishedAt,
  };
}

/** One INSERT of practices with their first (published) revision. */
async function insertPracticeBatch(tx: Transaction, batch: SyntheticPractice[]) {
  const column = <T>(get: (practice: SyntheticPractice) => T) => batch.map(get);
  await tx`
    with input as (
      select * from unnest(
        ${column((p) => p.seedKey)}::text[], ${column((p) => p.regionCode)}::text[],
        ${column((p) => p.title)}::text[], ${column((p) => p.summary)}::text[], ${column((p) => p.body)}::text[],
        ${column((p) => p.leadOpd)}::text[], ${column((p) => arrayLiteral(p.indicatorIds))}::text[],
        ${column((p) => arrayLiteral(p.tags))}::text[], ${column((p) => p.stage)}::text[], ${column((p) => p.startedOn)}::text[],
        ${column((p) => p.firstPublishedAt.toISOString())}::timestamptz[], ${column((p) => p.publishedAt.toISOString())}::timestamptz[]
      ) as t(seed_key, region_code, title, summary, body, lead_opd, indicator_ids, tags, stage, started_on, first_published_at, published_at)
    ), inserted as (
      insert into practices (region_code, state, seed_key, first_published_at, published_at, created_at, updated_at)
      select region_code, 'published', seed_key, first_published_at, published_at, first_published_at, published_at from input
      returning id, seed_key
    )
    insert into practice_revisions (practice_id, number, title, summary, body, lead_opd, indicator_ids, stage, tags, started_on, created_at)
    select p.id, 1, i.title, i.summary, i.body, i.lead_opd, i.indicator_ids::int[], i.stage::practice_stage, i.tags::text[], i.started_on, i.published_at
    from input i join inserted p using (seed_key)`;
}

async function loadPractices(tx: Transaction, regions: Region[], indicatorIds: number[]) {
  const random = seededRandom("bench:practices");
  const now = Date.now();
  const practices = Array.from({ length: PRACTICE_COUNT }, (_, i) => syntheticPractice(i, regions, indicatorIds, now, random));

  await tx`delete from practices where seed_key like ${`${SEED_KEY_PREFIX}%`}`;
  for (let start = 0; start < practices.length; start += PRACTICE_BATCH) {
    await insertPracticeBatch(tx, practices.slice(start, start + PRACTICE_BATCH));
  }
  await tx`
    update practices p set latest_revision_id = r.id, published_revision_id = r.id
    from practice_revisions r
    where r.practice_id = p.id and p.seed_key like ${`${SEED_KEY_PREFIX}%`}`;

  // Each adopter adopts once, from another region; low indices are adopted far more often,
  // so "most adopted" has a long tail like real replication.
  const adopterKeys: string[] = [];
  const sourceKeys: string[] = [];
  const adopters = new Set<number>();
  while (adopterKeys.length < ADOPTION_COUNT) {
    const adopter = Math.floor(random() * practices.length);
    const source = Math.floor(random() ** 3 * practices.length);
    if (adopters.has(adopter) || practices[adopter]!.regionCode === practices[source]!.regionCode) continue;
    adopters.add(adopter);
    adopterKeys.push(practices[adopter]!.seedKey);
    sourceKeys.push(practices[source]!.seedKey);
  }
  await tx`
    insert into practice_adoptions (adopter_practice_id, source_practice_id, source_region_code, note, recorded_at)
    select a.id, s.id, s.region_code, 'Direplikasi setelah studi banding.', a.published_at
    from unnest(${adopterKeys}::text[], ${sourceKeys}::text[]) as t(adopter_key, source_key)
    join practices a on a.seed_key = t.adopter_key
    join practices s on s.seed_key = t.source_key`;
  return { practices: practices.length, adoptions: adopterKeys.length };
}

/**
 * Loads the scale dataset into the (migrated, seeded) database unless it is there already.
 * Each part (the synthetic sample assessments, the practices) is checked and loaded on its own.
 */
export async function loadScaleDataset(databaseUrl: string, parts: readonly ("assessments" | "practices")[]): Promise<void> {
  const startedAt = performance.now();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [framework] = await sql<{ id: number }[]>`select id from frameworks where slug = ${FRAMEWORK_SLUG}`;
    if (!framework) throw new Error(`framework ${FRAMEWORK_SLUG} is not seeded`);
    const nodeRows = await sql<{ id: number; parentId: number | null; kind: FrameworkNode["kind"]; number: number; weight: string }[]>`
      select id, parent_id as "parentId", kind, number, weight from framework_nodes where framework_id = ${framework.id} order by id`;
    const nodes: FrameworkNode[] = nodeRows.map((row) => ({ ...row, weight: Number(row.weight) }));
    const regions = await sql<Region[]>`select code, name, short_name as "shortName" from regions order by code`;

    const [present] = await sql<{ assessments: number; practices: number }[]>`
      select
        (select count(*)::int from assessments
          where framework_id = ${framework.id} and kind = 'sample' and year = any(${YEARS}::int[]) and computed_index is not null) as assessments,
        (select count(*)::int from practices
          where seed_key like ${`${SEED_KEY_PREFIX}%`} and published_revision_id is not null) as practices`;
    const needAssessments = parts.includes("assessments") && present!.assessments < regions.length * YEARS.length;
    const needPractices = parts.includes("practices") && present!.practices !== PRACTICE_COUNT;
    if (!needAssessments && !needPractices) {
      log(`scale dataset already loaded (${present!.assessments} sample assessments, ${present!.practices} practices)`);
      return;
    }

    const loaded: string[] = [];
    await sql.begin(async (tx) => {
      if (needAssessments) {
        const counts = await loadAssessments(tx, framework.id, nodes, regions);
        loaded.push(`${counts.assessments} sample assessments (${counts.levels} indicator levels)`);
      }
      if (needPractices) {
        const indicatorIds = nodes.filter((node) => node.kind === "indicator").map((node) => node.id);
        const counts = await loadPractices(tx, regions, indicatorIds);
        loaded.push(`${counts.practices} published practices, ${counts.adoptions} adoptions`);
      }
    });
    // Fresh statistics, so the planner does not treat the new rows as an empty table; and the rows
    // the start's sample-data removal left dead vacuumed now, or autovacuum would do it during the
    // first pages measured (their p95 doubled in the first of three runs).
    await sql.unsafe("vacuum analyze assessments, assessment_levels, practices, practice_revisions, practice_adoptions");
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    log(`scale dataset loaded in ${seconds} s: ${loaded.join("; ")}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export interface BenchInputs {
  /** ~50 region codes, for region pages. */
  regionCodes: string[];
  /** ~50 triplets of different region codes, for comparisons. */
  regionTriplets: string[][];
  /** ~100 ids of public practices. */
  practiceIds: number[];
  /** The most used tag of public practices. */
  tag: string;
}

/** `count` different items in random order. */
function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = 0; i < Math.min(count, copy.length); i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

/** Varied, existing ids and codes for the benchmark's URLs, the same on every run. */
export async function pickBenchInputs(databaseUrl: string): Promise<BenchInputs> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const random = seededRandom("bench:urls");
    const codes = (await sql<{ code: string }[]>`select code from regions order by code`).map((row) => row.code);
    const practiceIds = (
      await sql<{ id: number }[]>`select id from practices where published_revision_id is not null and state <> 'archived' order by id`
    ).map((row) => row.id);
    const [topTag] = await sql<{ tag: string }[]>`
      select tag from practices p join practice_revisions r on r.id = p.published_revision_id, unnest(r.tags) as tag
      group by tag order by count(*) desc, tag limit 1`;
    return {
      regionCodes: sample(codes, 50, random),
      regionTriplets: Array.from({ length: 50 }, () => sample(codes, 3, random)),
      practiceIds: sample(practiceIds, 100, random),
      tag: topTag?.tag ?? TAG_VOCABULARY[0],
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Makes one practice hold `total` questions, each as long as the form allows, the newest ten
 * with five answers each: one member's flood, as the hostile-input probe once posted.
 */
export async function setQuestionCount(databaseUrl: string, practiceId: number, total: number): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // A flood left by an earlier run starts over.
    let [existing] = await sql<{ n: number }[]>`select count(*)::int as n from practice_posts where practice_id = ${practiceId} and question_id is null`;
    if (existing!.n === total) return;
    if (existing!.n > total) {
      await sql`delete from practice_posts where practice_id = ${practiceId}`;
      existing = { n: 0 };
    }
    const [asker] = await sql<{ id: number }[]>`
      insert into users (email, name, role, region_code) values ('penanya.bench@bench.idsl', 'Penanya Bench', 'member', '33.16')
      on conflict (email) do update set name = excluded.name returning id`;
    await sql`
      insert into practice_posts (practice_id, author_id, body)
      select ${practiceId}, ${asker!.id}, left('Pertanyaan ' || n || ' ' || repeat('panjang sekali ', 400), 5000)
      from generate_series(${existing!.n + 1}::int, ${total}::int) as n`;
    await sql`
      insert into practice_posts (practice_id, question_id, author_id, body)
      select q.practice_id, q.id, ${asker!.id}, left('Jawaban ' || a || ' ' || repeat('juga panjang ', 400), 5000)
      from (select id, practice_id from practice_posts where practice_id = ${practiceId} and question_id is null order by id desc limit 10) as q,
        generate_series(1, 5) as a
      where not exists (select 1 from practice_posts answered where answered.question_id = q.id)`;
    await sql`analyze practice_posts`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
