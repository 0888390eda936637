/**
 * Who hears of what happens to a practice (decision 0026): each function runs in the event's
 * transaction, so a rolled-back event notifies nobody and a committed one each recipient once.
 */
import { eq } from "drizzle-orm";
import { practiceRevisions, practices, regions } from "../../../db/schema";
import type { DatabaseOrTransaction } from "../db.server";
import { curators, notify, regionEditors } from "../notifications/index.server";
import type { ReviewDecision } from "./workflow";

/** The title of the practice's newest revision and its region's name, for the messages. */
async function practiceFacts(tx: DatabaseOrTransaction, practiceId: number) {
  const [row] = await tx
    .select({ title: practiceRevisions.title, regionCode: practices.regionCode, region: regions.name })
    .from(practices)
    .innerJoin(practiceRevisions, eq(practiceRevisions.id, practices.latestRevisionId))
    .innerJoin(regions, eq(regions.code, practices.regionCode))
    .where(eq(practices.id, practiceId));
  return row!;
}

const practiceSubject = (practiceId: number, link: string) => ({ type: "practice", id: practiceId, link });

/** A submission reaches the curators; a curator's decision the region's editors. */
export async function notifyReviewStep(tx: DatabaseOrTransaction, input: { practiceId: number; decision: ReviewDecision; actorId: number }): Promise<void> {
  const { practiceId, decision, actorId } = input;
  if (decision === "comment" || decision === "restore") return;
  const facts = await practiceFacts(tx, practiceId);
  const payload = { title: facts.title, region: facts.region };
  const review = `/praktik/${practiceId}/tinjauan`;
  if (decision === "submit") {
    await notify(tx, { kind: "practiceSubmitted", actorId, recipients: await curators(tx), subject: practiceSubject(practiceId, review), payload });
    return;
  }
  const kind = ({ request_changes: "changesRequested", publish: "practicePublished", archive: "practiceArchived" } as const)[decision];
  const link = decision === "publish" ? `/praktik/${practiceId}` : review;
  await notify(tx, { kind, actorId, recipients: await regionEditors(tx, facts.regionCode), subject: practiceSubject(practiceId, link), payload });
}

/** A question reaches the practice's region's editors. */
export async function notifyQuestionAsked(tx: DatabaseOrTransaction, input: { practiceId: number; questionId: number; actorId: number }): Promise<void> {
  const facts = await practiceFacts(tx, input.practiceId);
  await notify(tx, {
    kind: "questionAsked",
    actorId: input.actorId,
    recipients: await regionEditors(tx, facts.regionCode),
    subject: practiceSubject(input.practiceId, `/praktik/${input.practiceId}?pertanyaan=${input.questionId}`),
    payload: { title: facts.title, region: facts.region },
  });
}

/** An answer reaches whoever asked. */
export async function notifyAnswerPosted(tx: DatabaseOrTransaction, input: { practiceId: number; questionId: number; askerId: number; actorId: number }): Promise<void> {
  const facts = await practiceFacts(tx, input.practiceId);
  await notify(tx, {
    kind: "answerPosted",
    actorId: input.actorId,
    recipients: [input.askerId],
    subject: practiceSubject(input.practiceId, `/praktik/${input.practiceId}?pertanyaan=${input.questionId}`),
    payload: { title: facts.title, region: facts.region },
  });
}

/** An adoption reaches the source region's editors, with a link to the practice adopted from (or the adopter when none is named). */
export async function notifyAdoptionRecorded(
  tx: DatabaseOrTransaction,
  input: { adopterPracticeId: number; sourcePracticeId: number | null; sourceRegionCode: string; actorId: number },
): Promise<void> {
  const adopter = await practiceFacts(tx, input.adopterPracticeId);
  await notify(tx, {
    kind: "adoptionRecorded",
    actorId: input.actorId,
    recipients: await regionEditors(tx, input.sourceRegionCode),
    subject: practiceSubject(input.adopterPracticeId, `/praktik/${input.sourcePracticeId ?? input.adopterPracticeId}`),
    payload: { title: adopter.title, region: adopter.region },
  });
}
