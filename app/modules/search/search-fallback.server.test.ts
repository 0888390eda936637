import { beforeAll, describe, expect, it } from "vitest";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { createPractice, savePracticeRevision } from "../practices/index.server";
import { highlightConcepts, queryConcepts, searchWords } from "./search-fallback.server";
import { SEARCH_PARAMS, type SearchFilterKey, splitHighlights } from "./search-query";
import { search } from "./search.server";

/** The fallback, as the page gets it when Meilisearch is down (the harness's seam, decision 0034). */
function fallback(params: Record<string, string>) {
  return search(new URLSearchParams(params), "id", { engine: "database" });
}

async function foundIds(q: string): Promise<number[]> {
  const results = await fallback({ q });
  expect(results.engine).toBe("database");
  return results.hits.map((hit) => hit.id);
}

const ip = "127.0.0.1";
let people: { editor: Actor; curator: Actor };
let commandCenter: number;
let signature: number;
let procurement: number;
let cafe: number;
let draft: number;
let republished: number;

beforeAll(async () => {
  people = { editor: await testActor("editor", "32.11"), curator: await testActor("curator") };
  const publish = (title: string, summary: string, extra: Parameters<typeof practiceContent>[0] = {}) =>
    publishPractice(practiceContent({ title, summary, tags: [], body: "Uraian singkat.", ...extra }), people);
  commandCenter = await publish("Sumedang Command Center Terpadu", "Pemantauan kota dari satu ruang kendali.");
  signature = await publish("Naskah Dinas Ditandatangani Lewat Tanda Tangan Elektronik", "Surat keluar sah tanpa kertas.");
  procurement = await publish("Belanja Lewat Katalog Lokal", "Pengadaan barang dan jasa dari penyedia daerah.");
  cafe = await publish("Kafé Literasi Digital Warga", "Pojok baca dengan akses internet gratis.");
  // A draft never published, and a published practice whose newer revision is still a draft.
  draft = (
    await createPractice({
      regionCode: "32.11",
      content: practiceContent({ title: "Rahasia Xylofonik Belum Terbit", summary: "Draf yang belum ditinjau.", tags: [] }),
      submit: false,
      actorId: people.editor.id,
      ip,
    })
  ).id;
  republished = await publish("Layanan Perpustakaan Keliling Gratis", "Mobil perpustakaan mengunjungi desa.");
  const saved = await savePracticeRevision({
    practiceId: republished,
    baseVersion: 1,
    content: practiceContent({ title: "Layanan Perpustakaan Quixotik Draf", summary: "Teks draf yang belum terbit.", tags: [] }),
    submit: false,
    actorId: people.editor.id,
    ip,
  });
  expect(saved.ok).toBe(true);
});

describe("queryConcepts", () => {
  it("splits words without accents or punctuation, and skips stop words", () => {
    expect(searchWords("Kafé, 100%_layanan\\ 😀 DAN")).toEqual(["kafe", "100", "layanan", "dan"]);
    expect(queryConcepts("layanan dan pengaduan").map((concept) => concept.phrases[0])).toEqual([["layanan"], ["pengaduan"]]);
  });

  it("expands SPBE synonyms as whole terms, and makes only the last typed word a prefix", () => {
    const [tte, pengad] = queryConcepts("TTE pengad");
    expect(tte!.phrases).toEqual([["tte"], ["tanda", "tangan", "elektronik"], ["tanda", "tangan", "digital"]]);
    expect(tte!.prefix).toBe(false);
    expect(pengad).toEqual({ phrases: [["pengad"]], prefix: true, typo: true });
    expect(queryConcepts("tanda tangan elektronik")).toHaveLength(1);
  });
});

describe("highlightConcepts", () => {
  const marked = (text: string, q: string) =>
    splitHighlights(highlightConcepts(text, queryConcepts(q)))
      .filter((part) => part.highlighted)
      .map((part) => part.text);

  it("marks whole words, synonym phrases in order, and the last word as a prefix", () => {
    expect(marked("Tanda tangan elektronik, tanpa kertas; tanda terima.", "tte")).toEqual(["Tanda", "tangan", "elektronik"]);
    expect(marked("Pengadaan barang di Pengadilan", "barang pengad")).toEqual(["Pengadaan", "barang", "Pengadilan"]);
    expect(marked("Kafé Literasi", "kafe")).toEqual(["Kafé"]);
    expect(marked("Layanan data", "%_\\ 😀")).toEqual([]);
  });
});

describe("searchDatabase (the fallback when Meilisearch is down)", () => {
  it("highlights what matched", async () => {
    const [first] = (await fallback({ q: "katalog lokal" })).hits;
    expect(first?.title.filter((part) => part.highlighted).map((part) => part.text)).toEqual(["Katalog", "Lokal"]);
  });

  it("forgives a typo: 'comand center' finds the command center", async () => {
    expect(await foundIds("comand center")).toContain(commandCenter);
    expect((await foundIds("comand center"))[0]).toBe(commandCenter);
  });

  it("expands synonyms: 'tte' finds a practice that only says tanda tangan elektronik", async () => {
    expect(await foundIds("tte")).toContain(signature);
  });

  it("matches the last word as a prefix: 'pengad' finds pengadaan", async () => {
    expect(await foundIds("pengad")).toContain(procurement);
  });

  it("ignores accents both ways", async () => {
    expect(await foundIds("kafe literasi")).toContain(cafe);
    expect(await foundIds("KAFÉ")).toContain(cafe);
  });

  it("ranks title matches first when sorting by relevance", async () => {
    const results = await fallback({ q: "katalog lokal" });
    expect(results.query.sort).toBe("relevan");
    expect(results.hits[0]?.id).toBe(procurement);
  });

  it("counts facet values over exactly the matching practices", async () => {
    const results = await fallback({ q: "layanan" });
    expect(results.total).toBeGreaterThan(1);
    // Every practice has one province, one stage and Indonesian text.
    const sum = (key: SearchFilterKey) => results.facets[key].values.reduce((total, value) => total + value.count, 0);
    expect(sum("province")).toBe(results.total);
    expect(sum("stage")).toBe(results.total);
    expect(results.facets.language.values.find((value) => value.value === "id")?.count).toBe(results.total);
    // Choosing a value shows as many practices as its count said (aspects count a practice once).
    for (const key of ["province", "aspect", "indicator", "tag", "year"] as const) {
      for (const value of results.facets[key].values.slice(0, 2)) {
        const narrowed = await fallback({ q: "layanan", [SEARCH_PARAMS[key]]: value.value });
        expect(narrowed.total, `${key}=${value.value}`).toBe(value.count);
        expect(narrowed.facets[key].active?.count).toBe(value.count);
      }
    }
  });

  it("never returns drafts, nor a published practice's unpublished text", async () => {
    for (const q of ["xylofonik", "xylofonix", "rahasia xylofonik belum terbit", "quixotik", "quixotic"]) {
      const ids = await foundIds(q);
      expect(ids).not.toContain(draft);
      expect(ids).not.toContain(republished);
    }
    expect(await foundIds("perpustakaan keliling")).toContain(republished);
    const everything = await fallback({});
    expect(everything.hits.map((hit) => hit.id)).not.toContain(draft);
  });

  it("answers hostile queries safely", async () => {
    const hostile = ["!!!", "%", "_", "\\", "%_\\'\"", "a".repeat(250), "layanan ".repeat(40), "😀🔥", "خدمة إلكترونية", "שירות", "layanan خدمة 😀", "provinsi = 32 OR 1=1", "*", "tte:* & !"];
    for (const q of hostile) {
      const results = await fallback({ q });
      expect(results.engine).toBe("database");
      expect(results.hits.map((hit) => hit.id)).not.toContain(draft);
      expect(results.hits.length).toBeLessThanOrEqual(20);
    }
    // Words of no script the practices are written in find nothing rather than everything.
    expect((await fallback({ q: "خدمة إلكترونية" })).total).toBe(0);
  });
});
