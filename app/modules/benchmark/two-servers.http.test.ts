import { afterAll, beforeAll, expect, it } from "vitest";
import { createSignedInUser, request } from "../../../tests/support/http-app";
import { practiceContent, testActor } from "../../../tests/support/practice-factory";
import { getFrameworkSummary, getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { createPractice } from "../practices/index.server";
import { drainSearchOutbox, meilisearch } from "../search/index.server";
import { saveSelfAssessment } from "./assessments.server";
import { startServerProcess } from "../../../tests/support/server-process";

/**
 * Two independent app servers (separate processes, not cluster siblings) on one database: what
 * is written through one is on the other's pages at once, though the other had its caches
 * filled from before (decision 0031): a published self-assessment, an official import, a
 * role taken away and a published practice.
 */
const REGION = "33.17";
const YEAR = 2025;
const SELF_LABEL = `Penilaian mandiri terbaru (${YEAR})`;
const servers: ReturnType<typeof startServerProcess>[] = [];
let first: string;
let second: string;
let editor: Awaited<ReturnType<typeof createSignedInUser>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;

function startServer(): Promise<string> {
  const server = startServerProcess();
  servers.push(server);
  return server.origin;
}

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const benchmarkPage = async (origin: string, path = `/daerah/${REGION}/benchmark?tahun=${YEAR}`) => text(await (await request(origin, path)).text());

beforeAll(async () => {
  [first, second] = await Promise.all([startServer(), startServer()]);
  [editor, curator, admin] = await Promise.all([createSignedInUser("editor", REGION), createSignedInUser("curator"), createSignedInUser("admin")]);
  const tree = await getFrameworkTree(SPBE_2020);
  await saveSelfAssessment({
    regionCode: REGION,
    year: YEAR,
    entries: new Map([...tree.indicatorsById.keys()].map((id) => [id, { level: 4, note: "", evidenceUrl: "", externalScore: null }])),
    nodes: tree.nodes,
    framework: (await getFrameworkSummary(SPBE_2020))!,
    actorId: editor.id,
    ip: "127.0.0.1",
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

it("shows a figure published through one server on the other at once", async () => {
  // Both servers have the snapshot cached without the unpublished figure.
  expect(await benchmarkPage(first)).not.toContain(SELF_LABEL);
  expect(await benchmarkPage(second)).not.toContain(SELF_LABEL);

  const path = `/daerah/${REGION}/penilaian-mandiri?tahun=${YEAR}`;
  const published = await request(first, path, { cookie: editor.cookie, form: { intent: "publikasikan" } });
  expect(published.status).toBe(302);
  expect(await benchmarkPage(second)).toContain(`${SELF_LABEL} 4,00`);

  const withdrawn = await request(second, path, { cookie: editor.cookie, form: { intent: "tarik" } });
  expect(withdrawn.status).toBe(302);
  expect(await benchmarkPage(first)).not.toContain(SELF_LABEL);
});

/** Previews a CSV of official results through `origin`, then imports what the preview shows. */
async function importOfficialResults(origin: string, csv: string) {
  const path = "/kurasi/impor-spbe";
  const upload = new FormData();
  upload.append("intent", "preview");
  upload.append("file", new File([csv], "hasil.csv"));
  const preview = await (await request(origin, path, { cookie: curator.cookie, form: upload })).text();
  const confirmed = new FormData();
  confirmed.append("intent", "import");
  for (const name of ["lembar", "sidik"]) {
    const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(preview)![1]!;
    confirmed.append(name, value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
  }
  return request(origin, path, { cookie: curator.cookie, form: confirmed });
}

it("shows official results imported through one server on the other at once", async () => {
  const region = "35.17";
  const regionPage = `/daerah/${region}/benchmark?tahun=${YEAR}`;
  // The other server has the snapshot cached without the figure.
  expect(await benchmarkPage(second, regionPage)).not.toContain("3,87");

  const imported = await importOfficialResults(first, `kode_wilayah;tahun;indeks;sumber\r\n${region};${YEAR};3,87;https://menpan.go.id/hasil-${YEAR}\r\n`);
  expect(imported.status).toBe(200);
  expect(text(await imported.text())).toContain("Impor selesai: 1 baru");
  expect(await benchmarkPage(second, regionPage)).toContain(`Indeks resmi terbaru (${YEAR}) 3,87`);
});

it("refuses an official on the other server at once when their role is taken away on one", async () => {
  const official = await createSignedInUser("curator");
  const importPage = "/kurasi/impor-spbe";
  expect((await request(second, importPage, { cookie: official.cookie })).status).toBe(200);

  const changed = await request(first, `/admin/pengguna/${official.id}`, { cookie: admin.cookie, form: { intent: "role", role: "member", regionCode: REGION } });
  expect(changed.status).toBe(200);
  expect((await request(second, importPage, { cookie: official.cookie })).status).toBe(403);
  // Nor may they post a file there.
  const upload = new FormData();
  upload.append("intent", "preview");
  upload.append("file", new File([`kode_wilayah;tahun;indeks;sumber\r\n${REGION};${YEAR};2,00;https://menpan.go.id/\r\n`], "hasil.csv"));
  expect((await request(second, importPage, { cookie: official.cookie, form: upload })).status).toBe(403);
});

it("lists, shows and finds a practice published through one server on the other", async () => {
  const title = "Layanan Kampung Zamrud Terpadu";
  const author = await testActor("editor", REGION);
  const { id } = await createPractice({ regionCode: REGION, content: practiceContent({ title }), submit: true, actorId: author.id, ip: "127.0.0.1" });
  const listed = async () => text(await (await request(second, "/praktik")).text());
  // The other server has answered the list and the page before the practice was public.
  expect(await listed()).not.toContain(title);
  expect((await request(second, `/praktik/${id}`)).status).toBe(404);

  const published = await request(first, `/praktik/${id}/tinjauan`, { cookie: curator.cookie, form: { decision: "publish", comment: "", version: "1" } });
  expect(published.status).toBe(302);
  expect(await listed()).toContain(title);
  expect(text(await (await request(second, `/praktik/${id}`)).text())).toContain(title);
  // Search finds it once the search worker (a process of its own) has applied the outbox.
  while ((await drainSearchOutbox(meilisearch())).processed > 0);
  expect(text(await (await request(second, "/cari?q=zamrud")).text())).toContain(title);
});
