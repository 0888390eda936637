import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testActor, practiceContent } from "../../../tests/support/practice-factory";
import { request, startTestApp } from "../../../tests/support/http-app";
import { syncSampleData } from "../benchmark/index.server";
import { db } from "../db.server";
import { serverEnv } from "../env.server";
import { serializeLocaleCookie } from "../i18n/locale.server";
import { createPractice, decideOnPractice } from "../practices/index.server";

/**
 * The read-only API over real HTTP (decision 0028): every endpoint's answers validate against
 * the OpenAPI document it serves, and each bad input of issue 17 is a problem+json answer with
 * nothing leaked (drafts, self-assessments and sample data unless asked, contact data).
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let publishedId: number;
const DRAFT_TITLE = "Draf Rahasia Belum Terbit API";
const CONTACT = "Budi Santoso 081234567890 budi.kontak@sumedangkab.go.id";

interface OpenApi {
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>;
  components: { schemas: Record<string, object> };
}
let document: OpenApi;
let ajv: Ajv2020;

/** The document's references (#/components/schemas/X) rewritten to the JSON Schema its named schemas are added as. */
function pointingInto(id: string, schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => pointingInto(id, item));
  if (schema && typeof schema === "object") {
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === "$ref" && typeof value === "string" ? value.replace("#/components/schemas/", `${id}#/$defs/`) : pointingInto(id, value)]));
  }
  return schema;
}

/** Validates an answer against the document's schema for its path template, status and media type. */
function expectValid(template: string, status: number, mediaType: string, body: unknown) {
  const schema = document.paths[template]?.get.responses[String(status)]?.content?.[mediaType]?.schema;
  expect(schema, `${template} ${status} ${mediaType} is documented`).toBeDefined();
  const validate = ajv.compile(pointingInto("openapi.json", schema) as object);
  const valid = validate(body);
  expect(validate.errors ?? [], `${template} ${status}`).toEqual([]);
  expect(valid).toBe(true);
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await request(app.origin, path, { headers });
  const text = await response.text();
  return { response, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

beforeAll(async () => {
  await db().transaction((tx) => syncSampleData(tx));
  const [editor, curator] = await Promise.all([testActor("editor", "32.11"), testActor("curator")]);
  const ip = "127.0.0.1";
  ({ id: publishedId } = await createPractice({ regionCode: "32.11", content: practiceContent({ title: "Praktik Terbit Untuk API", contact: CONTACT, tags: ["api-uji"] }), contactConsent: true, submit: true, actorId: editor.id, ip }));
  const published = await decideOnPractice({ practiceId: publishedId, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip });
  if (!published.ok) throw new Error("publish failed");
  await createPractice({ regionCode: "32.11", content: practiceContent({ title: DRAFT_TITLE, contact: CONTACT }), contactConsent: true, submit: false, actorId: editor.id, ip });
  app = await startTestApp();
  const served = await get("/api/v1/openapi.json");
  expect(served.response.status).toBe(200);
  document = served.body as unknown as OpenApi;
  ajv = new Ajv2020({ allErrors: true, strict: true });
  // OpenAPI's own annotations beside JSON Schema's.
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  addFormats(ajv);
  ajv.addSchema(pointingInto("openapi.json", { $defs: document.components.schemas }) as object, "openapi.json");
});
afterAll(() => app.close());

describe("contract: every endpoint answers as the OpenAPI document says", () => {
  const calls: [string, string][] = [
    ["/regions", "/api/v1/regions"],
    ["/regions", "/api/v1/regions?provinsi=32&jenis=kabupaten&batas=5&hal=2"],
    ["/regions", "/api/v1/regions?q=sumedang&kohort=idsl-2022"],
    ["/regions/{code}", "/api/v1/regions/32.11"],
    ["/regions/{code}", "/api/v1/regions/32.11?data=resmi,terverifikasi,mandiri,contoh"],
    ["/frameworks", "/api/v1/frameworks"],
    ["/frameworks/{slug}", "/api/v1/frameworks/spbe-2020"],
    ["/frameworks/{slug}", "/api/v1/frameworks/pemdi-2026"],
    ["/assessments", "/api/v1/assessments"],
    ["/assessments", "/api/v1/assessments?kerangka=spbe-2020&data=contoh&tahun=2023&batas=100"],
    ["/assessments", "/api/v1/assessments?daerah=32.11&data=resmi,contoh"],
    ["/rankings", "/api/v1/rankings"],
    ["/rankings", "/api/v1/rankings?data=contoh&jenis=kota&urut=nama&arah=turun&batas=10"],
    ["/rankings", "/api/v1/rankings?kerangka=spbe-2020&provinsi=32"],
    ["/practices", "/api/v1/practices"],
    ["/practices", "/api/v1/practices?daerah=32.11&tag=api-uji&urut=terbanyak-diadopsi"],
    ["/adoptions", "/api/v1/adoptions"],
    ["/visits", "/api/v1/visits?daerah=32.11"],
    ["/applications", "/api/v1/applications?fungsi=administrasi_perkantoran"],
    ["/applications", "/api/v1/applications"],
  ];
  it.each(calls)("%s: %s", async (template, path) => {
    const { response, body, text } = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectValid(template, 200, "application/json", body);
    // Nothing personal or unpublished, whatever was asked.
    expect(text).not.toContain("081234567890");
    expect(text).not.toContain("budi.kontak");
    expect(text).not.toContain(DRAFT_TITLE);
  });

  it("documents every endpoint it serves", () => {
    expect(Object.keys(document.paths).sort()).toEqual(["/adoptions", "/applications", "/assessments", "/frameworks", "/frameworks/{slug}", "/practices", "/rankings", "/regions", "/regions/{code}", "/visits"]);
  });

  it("pages with totals and links that carry the same parameters", async () => {
    const { body } = await get("/api/v1/regions?provinsi=32&batas=5&hal=2");
    expect(body?.pagination).toMatchObject({ page: 2, limit: 5 });
    const links = body?.links as Record<string, string | null>;
    expect(links.next).toBe("/api/v1/regions?provinsi=32&batas=5&hal=3");
    expect(links.prev).toBe("/api/v1/regions?provinsi=32&batas=5&hal=1");
    const past = await get("/api/v1/regions?hal=9999");
    expect(past.body?.data).toEqual([]);
  });

  it("lists the published practice without its contact, and never the draft", async () => {
    const { body } = await get("/api/v1/practices?daerah=32.11&batas=100");
    const titles = (body?.data as { title: string; id: number }[]).map((practice) => practice.title);
    expect(titles).toContain("Praktik Terbit Untuk API");
    expect(titles).not.toContain(DRAFT_TITLE);
  });

  it("gives official and verified figures by default, other kinds only when asked, each labelled", async () => {
    const byDefault = await get("/api/v1/assessments?batas=100");
    const kinds = (body: Record<string, unknown> | null) => new Set((body?.data as { kind: string }[]).map((figure) => figure.kind));
    for (const kind of kinds(byDefault.body)) expect(["official", "verified"]).toContain(kind);
    const sample = await get("/api/v1/assessments?data=contoh&batas=100");
    expect([...kinds(sample.body)]).toEqual(["sample"]);
    const figure = (sample.body?.data as { framework: { slug: string }; sources: unknown[] }[])[0]!;
    expect(figure.framework.slug).toBe("spbe-2020");
    expect(figure.sources.length).toBeGreaterThan(0);
    const region = await get("/api/v1/regions/32.11");
    for (const entry of region.body?.figures as { kind: string }[]) expect(["official", "verified"]).toContain(entry.kind);
  });

  it("ranks one kind at a time, as the rankings page does", async () => {
    const { body } = await get("/api/v1/rankings?data=contoh&tahun=2023&batas=3");
    expect(body?.kind).toBe("sample");
    const rows = body?.data as { rank: number; figure: { kind: string } }[];
    expect(rows.map((row) => row.rank)).toEqual([...rows.map((row) => row.rank)].sort((a, b) => a - b));
    for (const row of rows) expect(row.figure.kind).toBe("sample");
  });
});

describe("bad input: a problem+json answer, never a 500", () => {
  async function expectProblem(path: string, status: number, parameter?: string, headers: Record<string, string> = {}) {
    const { response, body } = await get(path, headers);
    expect(response.status, path).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expectValid(path.startsWith("/api/v1/regions/") ? "/regions/{code}" : "/regions", status, "application/problem+json", body);
    expect(body?.status).toBe(status);
    if (parameter) expect((body?.errors as { parameter: string }[]).map((error) => error.parameter)).toContain(parameter);
    return body!;
  }

  it.each([
    ["/api/v1/regions/99.99", 404, undefined],
    ["/api/v1/regions/abc", 400, "code"],
    ["/api/v1/regions/32.11'%20OR%20'1'='1", 400, "code"],
    ["/api/v1/frameworks/tidak-ada", 404, undefined],
    ["/api/v1/regions?batas=-1", 400, "batas"],
    ["/api/v1/regions?batas=100000", 400, "batas"],
    ["/api/v1/regions?batas=abc", 400, "batas"],
    ["/api/v1/regions?batas=", 400, "batas"],
    ["/api/v1/regions?hal=0", 400, "hal"],
    // Indonesian number habits: "1.000" is one thousand, never read as 1.
    ["/api/v1/regions?batas=1.000", 400, "batas"],
    ["/api/v1/regions?batas=1.200", 400, "batas"],
    ["/api/v1/regions?hal=1.5", 400, "hal"],
    ["/api/v1/regions?hal=2,0", 400, "hal"],
    ["/api/v1/regions?limit=10", 400, "limit"],
    ["/api/v1/regions?provinsi=99", 400, "provinsi"],
    ["/api/v1/assessments?data=semua", 400, "data"],
    ["/api/v1/assessments?kerangka=tidak-ada", 400, "kerangka"],
    ["/api/v1/assessments?kerangka=spbe-2020%27%3B--", 400, "kerangka"],
    ["/api/v1/rankings?tahun=1990", 400, "tahun"],
    ["/api/v1/rankings?jenis=desa", 400, "jenis"],
    ["/api/v1/nothing-here", 404, undefined],
  ])("%s → %i", async (path, status, parameter) => {
    await expectProblem(path, status, parameter);
  });

  it("refuses a repeated parameter the same way every time", async () => {
    const first = await expectProblem("/api/v1/regions?provinsi=32&provinsi=33", 400, "provinsi");
    const second = await expectProblem("/api/v1/regions?provinsi=33&provinsi=32", 400, "provinsi");
    expect(second.title).toBe(first.title);
    expect(second.errors).toEqual(first.errors);
  });

  it.each([`' OR 1=1; --`, `{"$gt": ""}`, `%_\\`, `"); DROP TABLE regions; --`, "<script>alert(1)</script>"])("takes %s as plain text", async (text) => {
    for (const path of [`/api/v1/regions?q=${encodeURIComponent(text)}`, `/api/v1/practices?tag=${encodeURIComponent(text.slice(0, 40))}`, `/api/v1/applications?q=${encodeURIComponent(text)}&teknologi=${encodeURIComponent(text.slice(0, 40))}`]) {
      const { response, body } = await get(path);
      expect(response.status, path).toBe(200);
      expect(body?.data).toEqual([]);
    }
  });

  it.each(["text/html", "application/xml", "application/json;q=0", "text/csv, image/*"])("answers Accept: %s with 406", async (accept) => {
    await expectProblem("/api/v1/regions", 406, undefined, { Accept: accept });
  });

  it("serves JSON to a browser-like or wildcard Accept", async () => {
    for (const accept of ["*/*", "application/json", "text/html;q=0.9, */*;q=0.1", "application/*"]) expect((await get("/api/v1/frameworks", { Accept: accept })).response.status).toBe(200);
  });

  it("speaks the request's language in problems", async () => {
    const english = await expectProblem("/api/v1/regions/99.99", 404, undefined, { "Accept-Language": "en" });
    expect(english.title).toBe("Not found");
    const indonesian = await expectProblem("/api/v1/regions/99.99", 404, undefined, { "Accept-Language": "id" });
    expect(indonesian.title).toBe("Tidak ditemukan");
  });
});

describe("HTTP", () => {
  it("answers If-None-Match with 304 while the ETag holds", async () => {
    const first = await get("/api/v1/frameworks/spbe-2020");
    const etag = first.response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request(app.origin, "/api/v1/frameworks/spbe-2020", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await request(app.origin, "/api/v1/frameworks/spbe-2020", { headers: { "If-None-Match": '"other"' } })).status).toBe(200);
  });

  it("lets other sites read, without credentials", async () => {
    const { response } = await get("/api/v1/regions", { Origin: "https://peneliti.example" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await request(app.origin, "/api/v1/regions", { method: "OPTIONS", headers: { Origin: "https://peneliti.example", "Access-Control-Request-Method": "GET" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    const head = await request(app.origin, "/api/v1/regions", { method: "HEAD" });
    expect(head.status).toBe(200);
  });

  it("only reads: a same-origin POST is 405", async () => {
    const response = await request(app.origin, "/api/v1/regions", { method: "POST", form: { a: "b" } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("renders the reference page from the document, in both languages", async () => {
    const indonesian = await (await request(app.origin, "/api/v1", { headers: { "Accept-Language": "id" } })).text();
    expect(indonesian).toContain("API data IDSL");
    expect(indonesian).toContain("GET /api/v1/regions/{code}");
    const english = await (await request(app.origin, "/api/v1", { cookie: await serializeLocaleCookie("en") })).text();
    expect(english).toContain("IDSL data API");
  });

  // Last: it spends this client's allowance.
  it("limits each client: over the allowance is a 429 with Retry-After", async () => {
    const allowance = serverEnv().API_REQUESTS_PER_MINUTE;
    let refused: Response | null = null;
    for (let sent = 0; sent <= allowance && !refused; sent += 20) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => request(app.origin, "/api/v1/frameworks", { method: "HEAD" })));
      refused = answers.find((answer) => answer.status === 429) ?? null;
    }
    expect(refused).not.toBeNull();
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    const { response, body } = await get("/api/v1/regions");
    expect(response.status).toBe(429);
    expectValid("/regions", 429, "application/problem+json", body);
  });
});
