import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitCounters } from "../../db/schema";
import { db } from "../../app/modules/db.server";
import { FORM_TOKEN_FIELD } from "../../app/modules/forms/form-token";
import { startTestApp } from "../support/http-app";
import { restoreVisitor, seedHostileFixtures, type Visitor } from "./fixtures";
import { formBody, loadPayloads, send, spreadsheetWith, takesSpreadsheets, unescapedReflection } from "./hostile-requests";
import { crawl, fieldFamilies, type FormTarget, formKey, formPurpose, formReader, pathPattern, type QueryTarget } from "./site-forms";

/**
 * Every form and query parameter of the site, found by crawling it as each kind of visitor,
 * receives the payload list (payloads.json) and property-based inputs (fast-check), over real
 * HTTP against the production build: no answer may be a server error or carry a payload that
 * would run, and afterwards no page shows a stored one. `npm run test:hostile` is the larger
 * run: more generated inputs per field and the payloads of several megabytes.
 */
const LARGE = process.env.IDSL_HOSTILE_LARGE === "1";
/** Generated inputs per field: a few in CI; in the larger run enough for over 1,000 per form. */
const GENERATED_PER_FIELD = 8;
const LARGE_RUN_PER_FORM = 1100;
/**
 * Requests in flight between two clearings of the limits: at most the smallest allowance (5
 * sign-in attempts per account), so no payload is answered 429 untested.
 */
const CONCURRENCY = 5;
const payloads = loadPayloads(LARGE);

/** Text no browser would send but a script might: every kind of code unit, numbers' edge cases, markup. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme-composite", maxLength: 60 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.array(fc.constantFrom("<", ">", '"', "'", "&", "\u0000", "\\", "%", ";", "=", "\r\n", "{{", "}}", "../", "idslx"), { maxLength: 20 }).map((parts) => parts.join("")),
);

interface Outcome {
  target: string;
  requests: number;
  seconds: number;
  failures: string[];
}

/** One form, with the submit buttons it has (each a variant: the same fields, another intent). */
interface FormGroup {
  visitor: Visitor;
  variants: FormTarget[];
}

let app: Awaited<ReturnType<typeof startTestApp>>;
let seeds: string[];
let visitors: Visitor[];
const forms = new Map<string, FormGroup>();
const queries = new Map<string, { visitor: Visitor; query: QueryTarget }>();
const outcomes: Outcome[] = [];

/** The public feeds with every filter they take (pages link them with fewer) and their language. */
const FEED_QUERIES: QueryTarget[] = [
  { path: "/umpan/praktik.atom", params: [["daerah", "32.11"], ["indikator", "1"], ["tag", "tte"], ["bahasa", "en"]] },
  { path: "/umpan/praktik.json", params: [["daerah", "32.11"], ["indikator", "1"], ["tag", "tte"], ["bahasa", "id"]] },
  { path: "/umpan/hasil-resmi.atom", params: [["daerah", "32.11"], ["kerangka", "spbe-2020"], ["bahasa", "en"]] },
  { path: "/umpan/adopsi.json", params: [["daerah", "33.16"], ["bahasa", "en"]] },
];

/** Every read-only API endpoint (decision 0028) with each parameter it takes, set to a usable value. */
const API_QUERIES: QueryTarget[] = [
  { path: "/api/v1/regions", params: [["q", "sumedang"], ["provinsi", "32"], ["jenis", "kota"], ["kohort", "idsl-2022"], ["hal", "1"], ["batas", "10"]] },
  { path: "/api/v1/regions/32.11", params: [["data", "resmi,contoh"]] },
  { path: "/api/v1/assessments", params: [["kerangka", "spbe-2020"], ["data", "resmi"], ["tahun", "2023"], ["daerah", "32.11"], ["hal", "1"], ["batas", "10"]] },
  {
    path: "/api/v1/rankings",
    params: [["kerangka", "spbe-2020"], ["data", "resmi"], ["tahun", "2023"], ["jenis", "kabupaten"], ["provinsi", "32"], ["kohort", "idsl-2022"], ["urut", "nama"], ["arah", "turun"], ["hal", "1"], ["batas", "10"]],
  },
  { path: "/api/v1/practices", params: [["provinsi", "32"], ["daerah", "32.11"], ["indikator", "37"], ["tahap", "penerapan"], ["tag", "tte"], ["urut", "terbaru"], ["hal", "1"], ["batas", "10"]] },
  { path: "/api/v1/adoptions", params: [["daerah", "32.11"], ["hal", "1"], ["batas", "10"]] },
  { path: "/api/v1/visits", params: [["daerah", "32.11"], ["hal", "1"], ["batas", "10"]] },
  { path: "/api/v1/applications", params: [["q", "surat"], ["fungsi", "pengaduan"], ["indikator", "37"], ["provinsi", "32"], ["teknologi", "php"], ["hal", "1"], ["batas", "10"]] },
];

beforeAll(async () => {
  const fixtures = await seedHostileFixtures();
  ({ seeds, visitors } = fixtures);
  app = await startTestApp();
  for (const visitor of visitors) {
    const found = await crawl(app.origin, visitor.cookie, seeds, 150);
    for (const form of found.forms) {
      const key = formKey({ ...form, button: "" });
      const group = forms.get(key) ?? { visitor, variants: [] };
      if (group.visitor === visitor && !group.variants.some((variant) => variant.button === form.button)) group.variants.push(form);
      forms.set(key, group);
    }
    for (const query of found.queries) {
      const key = pathPattern(query.path);
      if (!queries.has(key)) queries.set(key, { visitor, query });
    }
  }
  for (const query of FEED_QUERIES) queries.set(pathPattern(query.path), { visitor: visitors[0]!, query });
  for (const query of API_QUERIES) queries.set(pathPattern(query.path), { visitor: visitors[0]!, query });
  // The fixtures hold no indicator levels, so the indicator page shows no download links to crawl.
  for (const path of ["/indikator/1/sebaran.csv", "/indikator/1/sebaran.xlsx"]) {
    queries.set(pathPattern(path), { visitor: visitors[0]!, query: { path, params: [["kerangka", "spbe-2020"], ["tahun", "2024"], ["gaya", "intl"]] } });
  }
  // A form that another visitor sees with more fields (a curator's editor also chooses the
  // region) is attacked in that fuller version only.
  const purpose = (group: FormGroup) => formPurpose({ ...group.variants[0]!, button: "" });
  for (const [key, group] of forms) {
    const families = fieldFamilies(group.variants[0]!);
    const fuller = [...forms.values()].some((other) => {
      const otherFamilies = fieldFamilies(other.variants[0]!);
      return other !== group && purpose(other) === purpose(group) && otherFamilies.size > families.size && [...families].every((family) => otherFamilies.has(family));
    });
    if (fuller) forms.delete(key);
  }
}, 300_000);

afterAll(async () => {
  await db().delete(rateLimitCounters);
  await app?.close();
  const total = outcomes.reduce((sum, outcome) => sum + outcome.requests, 0);
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failures.length, 0);
  const lines = outcomes.map((outcome) => `${String(outcome.requests).padStart(8)}  ${outcome.seconds.toFixed(1).padStart(6)}  ${String(outcome.failures.length).padStart(4)}  ${outcome.target}`);
  console.log(
    `hostile input: ${outcomes.length} targets, ${total} requests, ${failed} failures (5xx, or a payload that would run)\nrequests  seconds  fail  target\n${lines.join("\n")}`,
  );
});

/** Limits would soon answer 429 to a flood from one account: the attack starts each round afresh. */
const forgetLimits = () => db().delete(rateLimitCounters);

/** What is wrong with one answer: a server error, or markup from a payload that would run. */
async function problemWith(response: Response, input: string): Promise<string | null> {
  const body = await response.text();
  const shown = JSON.stringify(input.slice(0, 60));
  if (response.status >= 500) return `${response.status} for ${shown}`;
  // Feeds (Atom) are markup that readers render too.
  const reflection = /text\/html|xml/.test(response.headers.get("content-type") ?? "") ? unescapedReflection(body) : null;
  return reflection ? `${reflection} for ${shown}` : null;
}

/** Sends every input, a few at a time; returns what went wrong. */
async function attack(inputs: string[], sendOne: (value: string) => Promise<Response>): Promise<string[]> {
  const failures: string[] = [];
  for (let start = 0; start < inputs.length; start += CONCURRENCY) {
    await forgetLimits();
    const batch = inputs.slice(start, start + CONCURRENCY);
    const problems = await Promise.all(batch.map(async (value) => problemWith(await sendOne(value), value)));
    failures.push(...problems.filter((problem): problem is string => problem !== null));
  }
  return failures;
}

let seed = 1;
/** The payloads and generated inputs for one of `fieldCount` fields of a form. */
function inputsForField(fieldCount: number): string[] {
  const generated = LARGE ? Math.max(GENERATED_PER_FIELD, Math.ceil(LARGE_RUN_PER_FORM / fieldCount) - payloads.length) : GENERATED_PER_FIELD;
  return [...payloads, ...fc.sample(hostileText, { numRuns: generated, seed: seed++ })];
}

/** The fields already attacked one by one, each under the code that reads it (see `readerOfField`). */
const attackedReads = new Set<string>();

/**
 * Who reads a field: the form token one function reads for every form (readFormToken); any
 * other field its form's reader (two forms posting to one route, or creating and editing one
 * kind of record, read a field of the same name with the same code).
 */
const readerOfField = (form: FormTarget, name: string) => (name === FORM_TOKEN_FIELD ? name : `${formReader(form)} ${pathPattern(name)}`);

/**
 * The fields to attack one by one. Fields that repeat with a number (a level per indicator)
 * share their code: the first and the last of each such family stand for the rest. A field
 * whose reader another form's attack already gave every input keeps its value, in CI; the
 * larger run attacks every field of every form.
 */
function attackedFields(form: FormTarget) {
  const families = new Map<string, FormTarget["fields"]>();
  for (const field of form.fields) families.set(pathPattern(field.name), [...(families.get(pathPattern(field.name)) ?? []), field]);
  const fields = [...families.values()].flatMap((members) => (members.length > 2 ? [members[0]!, members.at(-1)!] : members));
  const fresh = LARGE ? fields : fields.filter((field) => !attackedReads.has(readerOfField(form, field.name)));
  for (const field of fresh) attackedReads.add(readerOfField(form, field.name));
  return fresh;
}

/** Bodies no form of ours sends: other content types, broken multipart, repeated and array fields. */
function malformedBodies(target: FormTarget): { label: string; body?: BodyInit; headers: Record<string, string> }[] {
  const boundary = "----idslBatas";
  const firstField = target.fields[0]?.name ?? "x";
  const repeated = formBody(target, {}, target.fields.flatMap((field) => (field.kind === "text" ? [[field.name, "lagi"] as [string, string], [`${field.name}[]`, "larik"] as [string, string]] : [])));
  const multipart = { "Content-Type": `multipart/form-data; boundary=${boundary}` };
  return [
    { label: "json", body: JSON.stringify({ [firstField]: "x" }), headers: { "Content-Type": "application/json" } },
    { label: "text", body: `${firstField}=x`, headers: { "Content-Type": "text/plain" } },
    { label: "xml", body: `<?xml version="1.0"?><${firstField}>x</${firstField}>`, headers: { "Content-Type": "application/xml" } },
    { label: "no content type", body: new Blob([`${firstField}=x`]), headers: {} },
    { label: "multipart without boundary", body: `${firstField}=x`, headers: { "Content-Type": "multipart/form-data" } },
    { label: "truncated multipart", body: `--${boundary}\r\nContent-Disposition: form-data; name="${firstField}"\r\n\r\nx`, headers: multipart },
    {
      label: "file name with = and ;",
      body: `--${boundary}\r\nContent-Disposition: form-data; name="${firstField}"; filename="laporan=2023; final.png"\r\nContent-Type: image/png\r\n\r\nx\r\n--${boundary}--\r\n`,
      headers: multipart,
    },
    { label: "repeated and array fields", body: repeated, headers: {} },
  ];
}

async function attackForm({ visitor, variants }: FormGroup): Promise<Outcome> {
  const [primary, ...others] = variants as [FormTarget, ...FormTarget[]];
  const outcome: Outcome = { target: `${visitor.role} POST ${primary.action} ${variants.map((variant) => variant.button).join(" ")}`, requests: 0, seconds: 0, failures: [] };
  const started = performance.now();
  const record = (label: string, inputs: string[], failures: string[]) => {
    outcome.requests += inputs.length;
    outcome.failures.push(...failures.map((failure) => `${label}: ${failure}`));
  };
  // The first button's submission field by field; the other buttons share its fields and
  // parsing, so each gets every input in all fields at once.
  const fields = attackedFields(primary);
  for (const field of fields) {
    const fresh = await restoreVisitor(visitor);
    const inputs = inputsForField(fields.length);
    record(field.name, inputs, await attack(inputs, (value) => send(app.origin, fresh.cookie, "POST", primary.action, formBody(primary, { [field.name]: value }))));
  }
  // A spreadsheet's cells are input too: each input in every cell.
  for (const field of primary.fields.filter((candidate) => candidate.kind === "file" && takesSpreadsheets(candidate.accept))) {
    const fresh = await restoreVisitor(visitor);
    const inputs = inputsForField(fields.length);
    record(`${field.name} cells`, inputs, await attack(inputs, (value) => send(app.origin, fresh.cookie, "POST", primary.action, formBody(primary, {}, [], { [field.name]: spreadsheetWith(value) }))));
  }
  for (const variant of others) {
    const fresh = await restoreVisitor(visitor);
    // A megabyte in each of a hundred fields is refused for its size before any code of ours
    // runs, as the field-by-field attack above has shown; it need not be built here.
    const inputs = inputsForField(1).filter((input) => input.length * variant.fields.length <= 16 * 1024 * 1024);
    const everyField = (value: string) => Object.fromEntries(variant.fields.filter((field) => field.name !== "intent").map((field) => [field.name, value]));
    record(variant.button, inputs, await attack(inputs, (value) => send(app.origin, fresh.cookie, "POST", variant.action, formBody(variant, everyField(value)))));
  }
  const fresh = await restoreVisitor(visitor);
  for (const malformed of malformedBodies(primary)) {
    record(malformed.label, [""], await attack([""], () => send(app.origin, fresh.cookie, "POST", primary.action, malformed.body, malformed.headers)));
  }
  // The same submission twice at once, as a double click sends it.
  record("double submit", ["", ""], await attack(["", ""], () => send(app.origin, fresh.cookie, "POST", primary.action, formBody(primary))));
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}

async function attackQuery({ visitor, query }: { visitor: Visitor; query: QueryTarget }): Promise<Outcome> {
  const outcome: Outcome = { target: `${visitor.role} GET ${query.path}?${query.params.map(([name]) => name).join("&")}`, requests: 0, seconds: 0, failures: [] };
  const started = performance.now();
  const fresh = await restoreVisitor(visitor);
  for (const [name] of query.params) {
    // Longer URLs are refused by the HTTP parser (431) before any code of ours runs.
    const inputs = inputsForField(query.params.length).filter((input) => input.length < 20_000);
    const failures = await attack(inputs, (value) => {
      const params = new URLSearchParams(query.params.map(([other, original]) => [other, other === name ? value : original]));
      return send(app.origin, fresh.cookie, "GET", `${query.path}?${params}`);
    });
    outcome.requests += inputs.length;
    outcome.failures.push(...failures.map((failure) => `${name}: ${failure}`));
  }
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}

const failuresOf = (results: Outcome[]) => results.flatMap((outcome) => outcome.failures.map((failure) => `${outcome.target} ${failure}`));

describe("hostile input", () => {
  it("finds the site's forms and query pages", () => {
    // A crawl that stopped finding forms would make every check below pass vacuously.
    expect(forms.size).toBeGreaterThan(25);
    expect(queries.size).toBeGreaterThan(8);
    // Every page's downloads are attacked like the page itself (the history's .xlsx takes no parameter).
    const downloads = ["/peringkat", "/bandingkan", "/daerah/N.N/benchmark", "/indikator/N/sebaran", "/praktik"].flatMap((path) => [`${path}.csv`, `${path}.xlsx`]);
    expect([...downloads, "/daerah/N.N/riwayat.csv"].filter((path) => !queries.has(path))).toEqual([]);
  });

  it("never answers a form with a server error or a payload that would run", { timeout: 1_800_000 }, async () => {
    const results: Outcome[] = [];
    for (const group of forms.values()) results.push(await attackForm(group));
    outcomes.push(...results);
    expect(failuresOf(results)).toEqual([]);
  });

  it("never answers a query parameter with a server error or a payload that would run", { timeout: 900_000 }, async () => {
    const results: Outcome[] = [];
    for (const query of queries.values()) results.push(await attackQuery(query));
    outcomes.push(...results);
    expect(failuresOf(results)).toEqual([]);
  });

  it("never answers an API code or slug in the path with a server error", { timeout: 300_000 }, async () => {
    const inputs = inputsForField(2).filter((input) => input.length < 8_000);
    // URLSearchParams encodes any text (a lone surrogate as U+FFFD) where encodeURIComponent throws.
    const segment = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
    const results: Outcome[] = [];
    for (const path of ["/api/v1/regions/", "/api/v1/frameworks/"]) {
      const started = performance.now();
      const failures = await attack(inputs, (value) => send(app.origin, null, "GET", `${path}${segment(value)}`));
      results.push({ target: `anonymous GET ${path}{code}`, requests: inputs.length, seconds: (performance.now() - started) / 1000, failures });
    }
    outcomes.push(...results);
    expect(failuresOf(results)).toEqual([]);
  });

  it("shows no stored payload on any page afterwards", { timeout: 300_000 }, async () => {
    const stored: string[] = [];
    for (const visitor of visitors) {
      const fresh = await restoreVisitor(visitor);
      await crawl(app.origin, fresh.cookie, seeds, 150, (url, html) => {
        const reflection = unescapedReflection(html);
        if (reflection) stored.push(`${visitor.role} ${url}: ${reflection}`);
      });
    }
    expect(stored).toEqual([]);
  });
});
