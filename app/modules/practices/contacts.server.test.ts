import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { practiceContactConsents, practiceContactMessages, practiceRevisions } from "../../../db/schema";
import { practiceContent, practiceForm, testActor } from "../../../tests/support/practice-factory";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { CONTACT_PURPOSE_VERSION } from "./contact";
import { visibleContact } from "./contact-consent.server";
import { storeContactMessage, newContactFormToken } from "./contact-messages.server";
import { createPractice, decideOnPractice, savePracticeRevision } from "./practice-commands.server";
import { readEditorSubmission } from "./practice-editor.server";
import { getPracticeHeader } from "./practice-queries.server";

let editor: Actor;
let otherEditor: Actor;
let curator: Actor;
let member: Actor;
const ip = "127.0.0.1";

beforeAll(async () => {
  [editor, otherEditor, curator, member] = await Promise.all([
    testActor("editor", "32.11"),
    testActor("editor", "33.16"),
    testActor("curator"),
    testActor("member", "33.16"),
  ]);
});

function editorForm(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of practiceForm(fields)) form.append(name, value);
  return form;
}

/** A practice of Sumedang with this contact, published; consent recorded when `consent`. */
async function publishedWithContact(contact: string, consent: boolean) {
  const { id } = await createPractice({ regionCode: "32.11", content: practiceContent({ contact }), contactConsent: consent, submit: true, actorId: editor.id, ip });
  const published = await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: curator, ip });
  expect(published.ok).toBe(true);
  return (await getPracticeHeader(id))!;
}

describe("a practice's contact person", () => {
  it("is not saved without the consent box: the form comes back with the message beside it and the input kept", async () => {
    const submission = await readEditorSubmission(editorForm({ contact: "Budi Santoso, 0812-1111-2222" }), "id");
    expect(submission).toMatchObject({ ready: false, status: 400, result: { errors: { contactConsent: { code: "contactConsentRequired" } } } });
    expect(!submission.ready && submission.result.values.text.contact).toBe("Budi Santoso, 0812-1111-2222");

    const consented = await readEditorSubmission(editorForm({ contact: "Budi Santoso, 0812-1111-2222", contactConsent: "on" }), "id");
    expect(consented).toMatchObject({ ready: true, contactConsent: true });
    // No contact, no consent needed.
    expect(await readEditorSubmission(editorForm({}), "id")).toMatchObject({ ready: true, contactConsent: false });
  });

  it("records who confirmed the consent, when, and to which purpose note; saving the same contact again keeps the first record", async () => {
    const contact = `Budi ${randomUUID()}, 0812-1111-2222`;
    const { id } = await createPractice({ regionCode: "32.11", content: practiceContent({ contact }), contactConsent: true, submit: false, actorId: editor.id, ip });
    const saved = await savePracticeRevision({
      practiceId: id,
      baseVersion: 1,
      content: practiceContent({ contact, title: "Judul baru" }),
      contactConsent: true,
      submit: false,
      actorId: curator.id,
      ip,
    });
    expect(saved.ok).toBe(true);
    const rows = await db().select().from(practiceContactConsents).where(eq(practiceContactConsents.practiceId, id));
    expect(rows).toEqual([expect.objectContaining({ contact, recordedById: editor.id, purposeVersion: CONTACT_PURPOSE_VERSION, recordedAt: expect.any(Date) })]);
  });

  it("is seen by signed-in officials once consent is recorded, never by visitors", async () => {
    const practice = await publishedWithContact(`Sari ${randomUUID()}, 0813-0000-1111`, true);
    const [revision] = await db().select({ contact: practiceRevisions.contact }).from(practiceRevisions).where(eq(practiceRevisions.id, practice.publishedRevisionId!));
    expect(await visibleContact(null, practice, revision!.contact)).toBeNull();
    for (const viewer of [member, otherEditor, editor, curator]) {
      expect(await visibleContact(viewer, practice, revision!.contact)).toMatchObject({ text: revision!.contact, consent: { recordedByName: "Uji editor" } });
    }
  });

  it("saved without recorded consent (as before consents were recorded) is seen only by the region's editors and curators", async () => {
    const contact = `Lama ${randomUUID()}, 0814-2222-3333`;
    const practice = await publishedWithContact(contact, false);
    expect(await visibleContact(null, practice, contact)).toBeNull();
    expect(await visibleContact(member, practice, contact)).toBeNull();
    expect(await visibleContact(otherEditor, practice, contact)).toBeNull();
    expect(await visibleContact(editor, practice, contact)).toEqual({ text: contact, consent: null });
    expect(await visibleContact(curator, practice, contact)).toEqual({ text: contact, consent: null });
  });
});

describe("messages through IDSL", () => {
  it("stores a message once however often its form is posted", async () => {
    const practice = await publishedWithContact("", false);
    const message = { name: "Rina", email: "rina@blorakab.go.id", purpose: "study_visit" as const, body: "Boleh berkunjung?", formToken: newContactFormToken() };
    const results = await Promise.all(Array.from({ length: 5 }, () => storeContactMessage({ practice, message, senderUserId: null })));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const rows = await db().select().from(practiceContactMessages).where(eq(practiceContactMessages.formToken, message.formToken));
    expect(rows).toEqual([expect.objectContaining({ practiceId: practice.id, regionCode: "32.11", senderEmail: "rina@blorakab.go.id", body: "Boleh berkunjung?" })]);

    // A new form (a new token) is a new message.
    expect(await storeContactMessage({ practice, message: { ...message, formToken: newContactFormToken() }, senderUserId: member.id })).toMatchObject({ created: true });
  });

  it("cannot hold a line break in the sender's name or email, even if a caller skipped the form", async () => {
    const practice = await publishedWithContact("", false);
    const message = { name: "Rina\r\nBcc: x@y.z", email: "rina@blorakab.go.id", purpose: "other" as const, body: "x", formToken: newContactFormToken() };
    await expect(storeContactMessage({ practice, message, senderUserId: null })).rejects.toThrow();
  });
});
