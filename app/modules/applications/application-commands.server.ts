/** Adding and changing the applications a region shares. */
import { and, eq, inArray } from "drizzle-orm";
import { applicationPractices, applications, practices } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import { type Actor, can } from "../auth";
import { db, type DatabaseOrTransaction } from "../db.server";
import type { FieldErrors } from "../forms/form-data";
import { once } from "../forms/submit-once.server";
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import { isPublicSql } from "../practices/index.server";
import type { ApplicationContent } from "./application-content";

export type WriteResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/**
 * Problems a form cannot see: indicators that are not SPBE 2020 indicators, and practices that
 * are not public practices of the owner region (a forged id of another region's draft).
 */
async function referenceErrors(regionCode: string, content: ApplicationContent, keepPracticeIds: readonly number[]): Promise<FieldErrors | null> {
  const tree = await getFrameworkTree(SPBE_2020);
  if (content.indicatorIds.some((id) => !tree.indicatorsById.has(id))) return { indicatorIds: { code: "indicatorUnknown" } };
  const newIds = content.practiceIds.filter((id) => !keepPracticeIds.includes(id));
  if (newIds.length === 0) return null;
  const found = await db()
    .select({ id: practices.id })
    .from(practices)
    .where(and(inArray(practices.id, newIds), eq(practices.regionCode, regionCode), isPublicSql()));
  return found.length === newIds.length ? null : { practiceIds: { code: "practiceUnknown" } };
}

async function replacePractices(tx: DatabaseOrTransaction, applicationId: number, practiceIds: number[]) {
  await tx.delete(applicationPractices).where(eq(applicationPractices.applicationId, applicationId));
  if (practiceIds.length > 0) await tx.insert(applicationPractices).values(practiceIds.map((practiceId) => ({ applicationId, practiceId })));
}

function columnsOf({ practiceIds: _practiceIds, ...content }: ApplicationContent) {
  return content;
}

/** A region's new application; a replayed form (same token and content) answers with the first one. */
export async function createApplication(input: {
  regionCode: string;
  content: ApplicationContent;
  actor: Actor;
  ip: string;
  formToken: string | null;
}): Promise<WriteResult> {
  if (!can(input.actor, { action: "application.write", regionCode: input.regionCode })) return { ok: false, errors: { form: { code: "applicationNotAllowed" } } };
  const errors = await referenceErrors(input.regionCode, input.content, []);
  if (errors) return { ok: false, errors };
  const submission = { userId: input.actor.id, scope: `application:${input.regionCode}`, token: input.formToken, sent: input.content };
  const id = await db().transaction((tx) =>
    once(tx, submission, async () => {
      const [row] = await tx
        .insert(applications)
        .values({ regionCode: input.regionCode, ...columnsOf(input.content), createdById: input.actor.id })
        .returning({ id: applications.id });
      await replacePractices(tx, row!.id, input.content.practiceIds);
      await recordAudit(
        { actorId: input.actor.id, action: "application.created", targetType: "application", targetId: row!.id, after: { name: input.content.name, regionCode: input.regionCode }, ip: input.ip },
        tx,
      );
      return row!.id;
    }),
  );
  return { ok: true, id };
}

/** Changes an application; only its own region's editors (or Kemendagri) may. A replayed form sets the same values again and creates nothing, so it needs no form token. */
export async function updateApplication(input: { id: number; content: ApplicationContent; actor: Actor; ip: string }): Promise<WriteResult> {
  const [current] = await db().select({ regionCode: applications.regionCode }).from(applications).where(eq(applications.id, input.id));
  if (!current || !can(input.actor, { action: "application.write", regionCode: current.regionCode })) return { ok: false, errors: { form: { code: "applicationNotAllowed" } } };
  const stored = await db().select({ id: applicationPractices.practiceId }).from(applicationPractices).where(eq(applicationPractices.applicationId, input.id));
  const errors = await referenceErrors(current.regionCode, input.content, stored.map((row) => row.id));
  if (errors) return { ok: false, errors };
  await db().transaction(async (tx) => {
    const [before] = await tx.select().from(applications).where(eq(applications.id, input.id)).for("update");
    await tx
      .update(applications)
      .set({ ...columnsOf(input.content), updatedAt: new Date() })
      .where(eq(applications.id, input.id));
    await replacePractices(tx, input.id, input.content.practiceIds);
    await recordAudit(
      { actorId: input.actor.id, action: "application.updated", targetType: "application", targetId: input.id, before: { name: before?.name }, after: { name: input.content.name }, ip: input.ip },
      tx,
    );
  });
  return { ok: true, id: input.id };
}
