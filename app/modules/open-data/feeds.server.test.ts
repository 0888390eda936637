import { beforeAll, describe, expect, it } from "vitest";
import { type JsonFeed, jsonFeedProblems, readAtom, textOf } from "../../../tests/support/feed-validation";
import { indicatorId, practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { createPractice } from "../practices/index.server";
import type { FeedFormat } from "./feed-links";
import type { FeedName } from "./feed-paths";
import { readFeedFilter, renderFeed } from "./feeds.server";

const ORIGIN = "https://idsl.example.go.id";
const HOSTILE_TITLE = `<script>alert("umpan")</script> Layanan & <b>TTE</b> ]]> '`;
const CONTACT = "Budi Santoso, 0812-3456-7890, budi@sumedangkab.go.id";

let editor: Actor;
let curator: Actor;
let published: number;
let draft: number;

async function feed(name: FeedName, format: FeedFormat, query = "", locale: "id" | "en" = "id") {
  const filter = await readFeedFilter(name, new URLSearchParams(query));
  if (!filter.ok) throw new Error(filter.problem);
  return renderFeed({ name, format, filter: filter.filter, locale, origin: ORIGIN });
}

async function atom(name: FeedName, query = "", locale: "id" | "en" = "id") {
  const { feed: document, problems } = readAtom(await feed(name, "atom", query, locale));
  expect(problems).toEqual([]);
  return document!;
}

async function json(name: FeedName, query = "", locale: "id" | "en" = "id") {
  const text = await feed(name, "json", query, locale);
  expect(jsonFeedProblems(text)).toEqual([]);
  return JSON.parse(text) as JsonFeed;
}

beforeAll(async () => {
  [editor, curator] = await Promise.all([testActor("editor", "32.11"), testActor("curator")]);
  published = await publishPractice(
    practiceContent({
      title: HOSTILE_TITLE,
      titleEn: "Integrated e-signature service",
      summary: "Ringkasan <img src=x onerror=alert(1)>",
      contact: CONTACT,
      tags: ["umpan-uji"],
      indicatorIds: [await indicatorId(1)],
    }),
    { editor, curator },
  );
  ({ id: draft } = await createPractice({
    regionCode: "32.11",
    content: practiceContent({ title: "Draf rahasia umpan", tags: ["umpan-draf"] }),
    submit: false,
    actorId: editor.id,
    ip: "127.0.0.1",
  }));
});

describe("the practice feed", () => {
  it("is valid Atom whose HTML fields carry a title's markup as text, without drafts or contacts", async () => {
    const xml = await feed("praktik", "atom");
    const { feed: document, problems } = readAtom(xml);
    expect(problems).toEqual([]);
    const entry = document!.entry!.find((candidate) => textOf(candidate.id[0]) === `${ORIGIN}/praktik/${published}`)!;
    // type="html": what a reader renders is the escaped text, so it shows the markup as characters.
    expect(entry.title[0]!["@_type"]).toBe("html");
    expect(textOf(entry.title[0])).toBe("&#60;script&#62;alert(&#34;umpan&#34;)&#60;/script&#62; Layanan &#38; &#60;b&#62;TTE&#60;/b&#62; ]]&#62; &#39;");
    expect(textOf(entry.summary![0])).toBe("<p>Ringkasan &#60;img src=x onerror=alert(1)&#62;</p>");
    expect(entry.author![0]!.name.map(textOf)).toEqual(["Kabupaten Sumedang"]);
    expect(entry.category!.map((category) => category["@_term"])).toEqual(["umpan-uji"]);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("Draf rahasia umpan");
    expect(xml).not.toContain(`/praktik/${draft}`);
    expect(xml).not.toContain("0812-3456-7890");
    expect(xml).not.toContain("budi@");
  });

  it("is valid JSON Feed 1.1 with the title as plain text and the summary as escaped HTML", async () => {
    const document = await json("praktik");
    expect(document.language).toBe("id");
    const item = document.items.find((candidate) => candidate.url === `${ORIGIN}/praktik/${published}`)!;
    expect(item.title).toBe(HOSTILE_TITLE);
    expect(item.content_html).toBe("<p>Ringkasan &#60;img src=x onerror=alert(1)&#62;</p>");
    expect(item.authors).toEqual([{ name: "Kabupaten Sumedang" }]);
    expect(item.tags).toEqual(["umpan-uji"]);
    const text = JSON.stringify(document);
    expect(text).not.toContain("Draf rahasia umpan");
    expect(text).not.toContain("0812-3456-7890");
  });

  it("is newest first and in English where the region translated the practice", async () => {
    const english = await json("praktik", "", "en");
    expect(english.language).toBe("en");
    expect(english.items.find((item) => item.url === `${ORIGIN}/praktik/${published}`)!.title).toBe("Integrated e-signature service");
    const dates = english.items.map((item) => item.date_published!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("filters by region, SPBE 2020 indicator and tag, each alone or together", async () => {
    const urls = async (query: string) => (await json("praktik", query)).items.map((item) => item.url);
    const mine = `${ORIGIN}/praktik/${published}`;
    expect(await urls("daerah=32.11")).toContain(mine);
    expect(await urls("daerah=33.16")).not.toContain(mine);
    expect(await urls("indikator=1")).toContain(mine);
    expect(await urls("indikator=2")).not.toContain(mine);
    expect(await urls("tag=umpan-uji")).toEqual([mine]);
    expect(await urls("daerah=32.11&indikator=1&tag=umpan-uji")).toEqual([mine]);
    expect(await urls("daerah=33.16&tag=umpan-uji")).toEqual([]);
    const filtered = await atom("praktik", "daerah=32.11&tag=umpan-uji");
    expect(textOf(filtered.title[0])).toBe("Praktik baik baru di IDSL — Kabupaten Sumedang · tag “umpan-uji”");
  });

  it("refuses unknown or malformed filters instead of answering an empty feed", async () => {
    const cases: [FeedName, string, string][] = [
      ["praktik", "daerah=99.99", "unknownRegion"],
      ["praktik", "daerah=32", "unknownRegion"],
      ["praktik", "daerah='; drop table practices; --", "unknownRegion"],
      ["praktik", "indikator=48", "unknownIndicator"],
      ["praktik", "indikator=1e1", "unknownIndicator"],
      ["praktik", "tag=umpan-draf", "unknownTag"],
      ["praktik", `tag=${"t".repeat(10_000)}`, "unknownTag"],
      ["praktik", "tag=", "unknownTag"],
      ["hasil-resmi", "kerangka=spbe-1999", "unknownFramework"],
      ["hasil-resmi", "kerangka=<b>", "unknownFramework"],
      ["adopsi", "daerah=00.00", "unknownRegion"],
    ];
    for (const [name, query, problem] of cases) expect(await readFeedFilter(name, new URLSearchParams(query)), `${name}?${query.slice(0, 40)}`).toEqual({ ok: false, problem });
    // A parameter another feed takes, or a reader's own, is not this feed's filter.
    expect(await readFeedFilter("adopsi", new URLSearchParams("tag=tidak-ada&utm_source=x"))).toMatchObject({ ok: true });
  });
});

describe("the official results feed", () => {
  it("names each published value's framework, kind, year and source", async () => {
    const document = await atom("hasil-resmi", "daerah=32.11");
    expect(document.entry!.length).toBeGreaterThan(0);
    for (const entry of document.entry!) {
      expect(textOf(entry.title[0])).toMatch(/^Indeks SPBE 2020 \d{4} · Kabupaten Sumedang: \d,\d+ \(Resmi\)$/);
      expect(textOf(entry.summary![0])).toMatch(/Sumber: .+\.<\/p>$/);
      expect(entry.link![0]!["@_href"]).toBe(`${ORIGIN}/daerah/32.11/benchmark?kerangka=spbe-2020`);
    }
    const json2020 = await json("hasil-resmi", "kerangka=spbe-2020");
    expect(json2020.items.length).toBeGreaterThan(0);
    expect(json2020.items.every((item) => item.tags?.includes("Indeks SPBE 2020"))).toBe(true);
    expect((await json("hasil-resmi", "kerangka=pemdi-2026")).items.every((item) => item.tags?.includes("Indeks Pemdi 2026"))).toBe(true);
  });
});

describe("the adoptions feed", () => {
  it("lists public adoptions by or from a region", async () => {
    const document = await json("adopsi", "daerah=33.16");
    expect(document.items.some((item) => item.title === "Kabupaten Blora mengadopsi praktik dari Kabupaten Sumedang")).toBe(true);
    const atomFeed = await atom("adopsi");
    expect(atomFeed.entry!.length).toBeGreaterThan(0);
  });
});
