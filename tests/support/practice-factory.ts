import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { frameworkNodes } from "../../db/schema";
import type { Actor } from "../../app/modules/auth/permissions";
import { createUserWithoutPassword } from "../../app/modules/auth/users.server";
import { db } from "../../app/modules/db.server";
import type { PracticeContent } from "../../app/modules/practices/practice-content";
import { createPractice, decideOnPractice } from "../../app/modules/practices/index.server";

/** Framework node id of an SPBE 2020 indicator number (ids differ between databases). */
export async function indicatorId(number: number): Promise<number> {
  const rows = await db().select({ id: frameworkNodes.id, kind: frameworkNodes.kind }).from(frameworkNodes).where(eq(frameworkNodes.number, number));
  return rows.find((row) => row.kind === "indicator")!.id;
}

/** Valid practice content; override what a test is about. */
export function practiceContent(overrides: Partial<PracticeContent> = {}): PracticeContent {
  return {
    title: "Layanan Tanda Tangan Elektronik Terpadu",
    titleEn: "",
    summary: "Semua surat dinas ditandatangani secara elektronik.",
    summaryEn: "",
    body: "## Latar belakang\n\nSurat dinas lambat.\n",
    leadOpd: "Diskominfo",
    partners: ["BSSN"],
    contact: "",
    indicatorIds: [],
    stage: "penerapan",
    runningStatus: "active",
    stoppedReason: "",
    stoppedOn: null,
    startedOn: "2023-01",
    implementedOn: null,
    metrics: [],
    tags: ["tte"],
    legalBasis: "",
    budgetSource: "",
    lessonsLearned: "",
    replicationNeeds: "",
    sources: [],
    ...overrides,
  };
}

/** The editor form's fields for a practice, as a browser posts them. */
export function practiceForm(fields: Record<string, string> = {}, extra: [string, string][] = []): URLSearchParams {
  const form = new URLSearchParams({
    title: "Layanan Tanda Tangan Elektronik Terpadu",
    summary: "Semua surat dinas ditandatangani secara elektronik.",
    body: "## Latar belakang\n\nSurat dinas lambat.",
    stage: "penerapan",
    runningStatus: "active",
    intent: "save",
    version: "0",
    ...fields,
  });
  for (const [name, value] of extra) form.append(name, value);
  return form;
}

/** A new user with the given role (and region), as the permission checks see them. */
export async function testActor(role: Actor["role"], regionCode: string | null = null): Promise<Actor> {
  const id = await createUserWithoutPassword({ email: `${role}-${randomUUID()}@test.idsl`, name: `Uji ${role}`, role, regionCode });
  return { id, role, regionCode };
}

/** A practice written by `editor` for their region, submitted, and published by `curator`. */
export async function publishPractice(content: PracticeContent, people: { editor: Actor; curator: Actor }): Promise<number> {
  const ip = "127.0.0.1";
  const { id } = await createPractice({ regionCode: people.editor.regionCode!, content, submit: true, actorId: people.editor.id, ip });
  const published = await decideOnPractice({ practiceId: id, decision: "publish", comment: "", seenVersion: 1, actor: people.curator, ip });
  if (!published.ok) throw new Error(`publishing practice ${id} failed: ${published.reason}`);
  return id;
}
