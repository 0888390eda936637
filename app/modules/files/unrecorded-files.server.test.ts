/**
 * Bytes stored for an upload whose row was never written are found and deleted by a job
 * enqueued before they were stored; bytes a row records are never touched.
 */
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { practiceAttachments } from "../../../db/schema";
import { practiceContent, testActor } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { createPractice } from "../practices/index.server";
import { attachmentStorage } from "./storage.server";
import { checkUploadedFile, deleteUnrecordedFileJob, storeUpload } from "./uploads.server";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function upload(practiceId: number, record: boolean) {
  const accepted = await checkUploadedFile(PDF, ["pdf"]);
  if (!accepted.ok) throw new Error("the test PDF was refused");
  let storageKey = "";
  await storeUpload({
    regionCode: "32.11",
    keyPrefix: `practices/${practiceId}`,
    fileName: "laporan.pdf",
    bytes: PDF,
    accepted,
    async commit(tx, file) {
      storageKey = file.storageKey;
      if (record) await tx.insert(practiceAttachments).values({ practiceId, ...file });
      return { ok: true };
    },
  });
  return storageKey;
}

it("deletes stored bytes no row records, an hour after the upload, and keeps recorded ones", async () => {
  const editor = await testActor("editor", "32.11");
  const { id } = await createPractice({ regionCode: "32.11", content: practiceContent(), submit: false, actorId: editor.id, ip: "127.0.0.1" });
  const recorded = await upload(id, true);
  // As if the process had died between storing the bytes and writing their row.
  const unrecorded = await upload(id, false);

  const jobs = await db().execute<{ key: string; delay_minutes: number }>(sql`
    select data->>'storageKey' as key, round(extract(epoch from start_after - created_on) / 60)::int as delay_minutes
    from pgboss.job where name = ${deleteUnrecordedFileJob.name} and data->>'storageKey' in (${recorded}, ${unrecorded})`);
  expect(jobs.map((job) => job.delay_minutes)).toEqual([60, 60]);

  for (const storageKey of [recorded, unrecorded]) await deleteUnrecordedFileJob.run({ storageKey }, { id: "test" });
  expect(await attachmentStorage().get(recorded)).not.toBeNull();
  expect(await attachmentStorage().get(unrecorded)).toBeNull();
  expect(await db().$count(practiceAttachments, eq(practiceAttachments.storageKey, recorded))).toBe(1);
});
