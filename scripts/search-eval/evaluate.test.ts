import { describe, expect, it } from "vitest";
import { type Evaluation, failingEngines, formatReport, type JudgedQuery } from "./evaluate";

const signature: JudgedQuery = { q: "tte", kind: "acronym", grades: { surabaya: 3, sleman: 2 } };
const evaluation: Evaluation = {
  scores: [
    { query: signature, engine: "meilisearch", ranking: ["surabaya", "sleman"], total: 2, precisionAt5: 0.4, ndcgAt10: 1 },
    { query: signature, engine: "database", ranking: ["#99", "sleman"], total: 40, precisionAt5: 0.2, ndcgAt10: 0.2 },
  ],
  means: { meilisearch: { precisionAt5: 0.4, ndcgAt10: 1 }, database: { precisionAt5: 0.2, ndcgAt10: 0.2 } },
};

describe("failingEngines", () => {
  it("names the engines whose mean nDCG@10 is below their threshold", () => {
    expect(failingEngines(evaluation, { meilisearch: 0.85, database: 0.65 })).toEqual(["database"]);
    expect(failingEngines(evaluation, { meilisearch: 1, database: 0.2 })).toEqual([]);
  });
});

describe("formatReport", () => {
  it("prints each query's figures, the verdicts and what the worst queries ranked and missed", () => {
    const report = formatReport(evaluation, { meilisearch: 0.85, database: 0.65 });
    expect(report).toMatch(/^tte\s+acronym\s+0\.40\s+1\.00\s+2\s+0\.20\s+0\.20\s+40$/m);
    expect(report).toContain("meilisearch: mean P@5 0.40, mean nDCG@10 1.00 (threshold 0.85: pass) over 1 queries");
    expect(report).toContain("database: mean P@5 0.20, mean nDCG@10 0.20 (threshold 0.65: FAIL)");
    expect(report).toContain('0.20 "tte": #99(0) sleman(2) | missing surabaya(3)');
  });
});
