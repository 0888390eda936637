/**
 * The relevance gate (decision 0034; `npm run search:eval` runs this file): the judged queries
 * against the fixed corpus with both engines, failing when a mean nDCG@10 is below its threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meilisearch } from "../../app/modules/search/meilisearch.server";
import { SEARCH_INDEX_KINDS, searchIndexUid } from "../../app/modules/search/search-settings";
import { corpusKeys, loadCorpus } from "./corpus";
import { evaluate, failingEngines, formatReport, readJudgements } from "./evaluate";

const prefix = `eval_${process.env.VITEST_POOL_ID ?? "0"}_${Date.now()}_`;
const judgements = readJudgements();
let keyById: Map<number, string>;

beforeAll(async () => {
  keyById = await loadCorpus(prefix);
});

afterAll(async () => {
  await Promise.all(SEARCH_INDEX_KINDS.map((kind) => meilisearch().deleteIndex(searchIndexUid(kind, prefix)).waitTask()));
});

describe("search relevance", () => {
  it("judges only documents of the corpus, each query once", () => {
    const keys = corpusKeys();
    expect(judgements.flatMap((query) => Object.keys(query.grades)).filter((key) => !keys.has(key))).toEqual([]);
    const queries = judgements.map((query) => query.q.toLocaleLowerCase("id"));
    expect(new Set(queries).size).toBe(queries.length);
    expect(keyById.size).toBe(keys.size);
  });

  it("ranks the judged queries well enough with Meilisearch and with the database fallback", async () => {
    const evaluation = await evaluate(judgements, keyById, prefix);
    console.log(formatReport(evaluation));
    expect(failingEngines(evaluation)).toEqual([]);
  }, 60_000);
});
