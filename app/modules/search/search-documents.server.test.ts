import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";
import { practiceDocuments } from "./search-documents.server";

it("never puts a practice's contact person into a search document", async () => {
  const people = { editor: await testActor("editor", "32.11"), curator: await testActor("curator") };
  const secret = `Rahasia${randomUUID().slice(0, 8)}`;
  const id = await publishPractice(practiceContent({ contact: `${secret} Wiryawan, 0815-4444-5555` }), people);
  const [document] = await practiceDocuments([id]);
  expect(document?.id).toBe(id);
  expect(JSON.stringify(document)).not.toContain(secret);
  expect(JSON.stringify(document)).not.toContain("0815-4444-5555");
});
