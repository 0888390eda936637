import { and, desc, eq, isNull } from "drizzle-orm";
import { figureNotes, regions, users } from "../../../db/schema";
import { recordAudit } from "../audit/index.server";
import type { Actor } from "../auth";
import { db } from "../db.server";
import { once } from "../forms/submit-once.server";
import { type FieldErrors, plainText } from "../forms/form-data";
import { SPBE_2020 } from "../frameworks/index.server";
import { figureOf, getBenchmarkData, invalidateBenchmarkData } from "./benchmark-data.server";
import type { FigureKind } from "./figure-kinds";

/**
 * The right of reply: a region's editors sign a short note on one of the region's figures
 * ("evaluated under the 2018 framework", "appeal pending"), shown beside the figure and in
 * exports. Editors may withdraw their region's notes; curators hide abusive ones. Nothing is
 * deleted: a withdrawn or hidden note keeps who and why.
 */
export const MAX_NOTE_LENGTH = 500;
/** Kinds a region may reply to; sample data describes no region. */
export const NOTED_KINDS = ["official", "verified", "self"] as const satisfies readonly FigureKind[];
export type NotedKind = (typeof NOTED_KINDS)[number];

export type NoteResult = { ok: true } | { ok: false; errors: FieldErrors };

/** A note on a figure of `frameworkSlug` (default SPBE 2020, where every figure was until 2025). */
export async function addFigureNote(input: { regionCode: string; frameworkSlug?: string; year: number; kind: NotedKind; body: string; actor: Actor; ip: string; formToken?: string | null }): Promise<NoteResult> {
  const body = plainText(input.body);
  if (body === "") return { ok: false, errors: { tanggapan: { code: "required" } } };
  if (body.length > MAX_NOTE_LENGTH) return { ok: false, errors: { tanggapan: { code: "tooLong", max: MAX_NOTE_LENGTH } } };
  const data = await getBenchmarkData(input.frameworkSlug ?? SPBE_2020, input.actor);
  if (!data || !figureOf(data, input.kind, input.regionCode, input.year)) return { ok: false, errors: { tanggapan: { code: "figureUnknown" } } };
  // The same form sent twice (a double click, a resend) is kept once.
  const submission = { userId: input.actor.id, scope: `figure_note:${input.regionCode}:${data.frameworkId}:${input.year}:${input.kind}`, token: input.formToken ?? null, sent: body };
  await db().transaction((tx) =>
    once(tx, submission, async () => {
      const [note] = await tx
        .insert(figureNotes)
        .values({ regionCode: input.regionCode, frameworkId: data.frameworkId, year: input.year, figureKind: input.kind, body, authorId: input.actor.id })
        .returning({ id: figureNotes.id });
      await recordAudit({ actorId: input.actor.id, action: "figure_note.added", targetType: "figure_note", targetId: note!.id, after: { regionCode: input.regionCode, year: input.year, kind: input.kind, body }, ip: input.ip }, tx);
      return true;
    }),
  );
  await invalidateBenchmarkData();
  return { ok: true };
}

/** A note by id, so a route can check whose region it belongs to before acting on it. */
export async function findFigureNote(id: number) {
  return (await db().query.figureNotes.findFirst({ where: eq(figureNotes.id, id) })) ?? null;
}

/**
 * Takes a note off the page: withdrawn by the region (no reason needed) or hidden by a curator
 * (with one). A note already off stays as it is.
 */
export async function removeFigureNote(input: { id: number; how: "withdrawn" | "hidden"; reason: string; actorId: number; ip: string }): Promise<NoteResult> {
  const reason = plainText(input.reason).slice(0, MAX_NOTE_LENGTH);
  if (input.how === "hidden" && reason === "") return { ok: false, errors: { alasan: { code: "reasonRequired" } } };
  const changed = await db().transaction(async (tx) => {
    const [note] = await tx
      .update(figureNotes)
      .set({ hiddenAt: new Date(), hiddenById: input.actorId, hiddenReason: input.how === "withdrawn" ? "withdrawn" : reason })
      .where(and(eq(figureNotes.id, input.id), isNull(figureNotes.hiddenAt)))
      .returning({ id: figureNotes.id, body: figureNotes.body });
    if (!note) return false;
    await recordAudit({ actorId: input.actorId, action: `figure_note.${input.how}`, targetType: "figure_note", targetId: note.id, before: { body: note.body }, after: { reason: input.how === "withdrawn" ? null : reason }, ip: input.ip }, tx);
    return true;
  });
  if (changed) await invalidateBenchmarkData();
  return { ok: true };
}

/** The latest notes across all regions, shown or not, for curators to moderate. */
export function listRecentFigureNotes() {
  return db()
    .select({
      id: figureNotes.id,
      regionCode: figureNotes.regionCode,
      regionName: regions.name,
      year: figureNotes.year,
      kind: figureNotes.figureKind,
      body: figureNotes.body,
      authorName: users.name,
      createdAt: figureNotes.createdAt,
      hiddenAt: figureNotes.hiddenAt,
      hiddenReason: figureNotes.hiddenReason,
    })
    .from(figureNotes)
    .innerJoin(regions, eq(regions.code, figureNotes.regionCode))
    .innerJoin(users, eq(users.id, figureNotes.authorId))
    .orderBy(desc(figureNotes.createdAt))
    .limit(100);
}
