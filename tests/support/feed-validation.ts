/**
 * Validation of the public feeds: JSON Feed against a JSON Schema written from the JSON Feed 1.1
 * specification (tests/fixtures/jsonfeed-1.1.schema.json, checked with ajv), Atom as well-formed
 * XML (fast-xml-parser's validator) carrying what RFC 4287 requires of a feed and its entries.
 */
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import jsonFeedSchema from "../fixtures/jsonfeed-1.1.schema.json";

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
// strictRequired off: "one of these is required" (anyOf of required) names properties defined beside it.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validateJsonFeed = ajv.compile(jsonFeedSchema);

export interface JsonFeed {
  version: string;
  title: string;
  language?: string;
  items: { id: string; url?: string; title?: string; content_html?: string; date_published?: string; date_modified?: string; authors?: { name?: string }[]; tags?: string[] }[];
}

/** The schema's complaints about a JSON Feed document, or [] when it is valid. */
export function jsonFeedProblems(text: string): string[] {
  const document: unknown = JSON.parse(text);
  if (validateJsonFeed(document)) return [];
  return (validateJsonFeed.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
}

export interface AtomText {
  "#text"?: string;
  "@_type"?: string;
}
export interface AtomLink {
  "@_href": string;
  "@_rel"?: string;
}
export interface AtomEntry {
  id: AtomText[];
  title: AtomText[];
  updated: AtomText[];
  published?: AtomText[];
  link?: AtomLink[];
  summary?: AtomText[];
  content?: AtomText[];
  author?: { name: AtomText[] }[];
  category?: { "@_term": string }[];
}
export interface AtomFeed {
  id: AtomText[];
  title: AtomText[];
  updated: AtomText[];
  link?: AtomLink[];
  author?: unknown[];
  entry?: AtomEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  // Every element as a list, so "exactly one" can be checked.
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && name !== "feed",
  textNodeName: "#text",
  alwaysCreateTextNode: true,
  // Text stays text: a title "2024" is not a number.
  parseTagValue: false,
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an Atom document, with what is wrong with it by RFC 4287 (well-formedness first). */
export function readAtom(xml: string): { feed: AtomFeed | null; problems: string[] } {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return { feed: null, problems: [`not well-formed: ${wellFormed.err.msg} (line ${wellFormed.err.line})`] };
  const root = parser.parse(xml) as { feed?: AtomFeed & { "@_xmlns"?: string } };
  const feed = root.feed;
  if (!feed) return { feed: null, problems: ["no <feed> root element"] };
  const problems: string[] = [];
  if (feed["@_xmlns"] !== "http://www.w3.org/2005/Atom") problems.push("feed is not in the Atom namespace");
  const exactlyOne = (where: string, element: object, names: string[]) => {
    for (const name of names) {
      const count = (element as Record<string, unknown[] | undefined>)[name]?.length ?? 0;
      if (count !== 1) problems.push(`${where} has ${count} <${name}>, needs exactly one`);
    }
  };
  const date = (where: string, value: string | undefined) => {
    if (value !== undefined && !RFC3339.test(value)) problems.push(`${where}: "${value}" is not an RFC 3339 date`);
  };
  exactlyOne("feed", feed, ["id", "title", "updated"]);
  date("feed updated", textOf(feed.updated[0]));
  for (const [index, entry] of (feed.entry ?? []).entries()) {
    const where = `entry ${index + 1}`;
    exactlyOne(where, entry, ["id", "title", "updated"]);
    date(`${where} updated`, textOf(entry.updated[0]));
    date(`${where} published`, textOf(entry.published?.[0]));
    // Atom requires an author on each entry unless the feed has one.
    if (!feed.author && !entry.author?.some((author) => author.name?.length === 1)) problems.push(`${where} has no author`);
    // Without content an entry must link to its page.
    if (!entry.content && !entry.link?.some((link) => (link["@_rel"] ?? "alternate") === "alternate")) problems.push(`${where} has neither content nor an alternate link`);
  }
  return { feed, problems };
}

/** An element's text, whether the parser gave a string or a text node. */
export function textOf(value: AtomText | undefined): string | undefined {
  return value?.["#text"];
}
