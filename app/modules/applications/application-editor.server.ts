/** What the application editor pages (new and edit) load and answer. */
import { getFrameworkTree, SPBE_2020 } from "../frameworks/index.server";
import type { FieldErrors } from "../forms/form-data";
import { listPublishedPractices } from "../practices/index.server";
import { type ApplicationContent, applicationFormValues } from "./application-content";

/** The framework to tag with and the owner region's published practices (newest page) to link. */
export async function editorChoices(regionCode: string) {
  const [tree, own] = await Promise.all([
    getFrameworkTree(SPBE_2020),
    listPublishedPractices({ province: null, region: regionCode, indicator: null, stage: null, tag: null, sort: "terbaru", page: 1 }),
  ]);
  return { groups: tree.groups, practices: own.practices.map((practice) => ({ id: practice.id, title: practice.title })) };
}

/** The editor's values for stored content. */
export function editorValues(content: ApplicationContent) {
  return { text: applicationFormValues(content), indicatorIds: content.indicatorIds.map(String), practiceIds: content.practiceIds.map(String) };
}

/** A refused submission: its errors, and what was sent so the form shows it again. */
export function refusedValues(form: FormData, errors: FieldErrors) {
  const text: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && name !== "indicatorIds" && name !== "practiceIds") text[name] = value.slice(0, 20_000);
  const list = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string").slice(0, 100);
  return { ok: false as const, errors, values: { text, indicatorIds: list("indicatorIds"), practiceIds: list("practiceIds") } };
}
