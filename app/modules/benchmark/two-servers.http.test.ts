import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSignedInUser, request } from "../../../tests/support/http-app";
import { getFrameworkSummary, getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { saveSelfAssessment } from "./assessments.server";

/**
 * Two independent app servers (separate processes, not cluster siblings) on one database: a
 * figure published through one is on the other's pages at once, though the other had the
 * benchmark snapshot cached from before (decision 0031).
 */
const REGION = "33.17";
const YEAR = 2025;
const SELF_LABEL = `Penilaian mandiri terbaru (${YEAR})`;
const children: ChildProcessWithoutNullStreams[] = [];
let first: string;
let second: string;
let editor: Awaited<ReturnType<typeof createSignedInUser>>;

function startServer(): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/http-server-child.ts"], { env: process.env });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /listening (\S+)/.exec(output)?.[1];
      if (origin) resolve(origin);
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const benchmarkPage = async (origin: string) => text(await (await request(origin, `/daerah/${REGION}/benchmark?tahun=${YEAR}`)).text());

beforeAll(async () => {
  [first, second] = await Promise.all([startServer(), startServer()]);
  editor = await createSignedInUser("editor", REGION);
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
  await Promise.all(
    children.map((child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      return exited;
    }),
  );
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
