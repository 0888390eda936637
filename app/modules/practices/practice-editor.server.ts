import type { FieldErrors } from "../forms/form-data";
import type { NumberConvention } from "../numbers/locale-number";
import { renderMarkdown } from "./markdown.server";
import { type PracticeContent, type PracticeFormValues, readPracticeSubmission } from "./practice-content";
import { validatePracticeContent } from "./practice-content.server";

/** What the editor form gets back when it is shown again: the user's text is always kept. */
export interface EditorResult {
  values: PracticeFormValues;
  errors: FieldErrors;
  previewHtml: string | null;
  /** Set after a conflict: the revision the user's text must now be based on. */
  currentVersion: number | null;
}

export type EditorSubmission =
  | { ready: false; status: number; result: EditorResult }
  | { ready: true; content: PracticeContent; submit: boolean; version: number; values: PracticeFormValues };

/**
 * Reads a posted practice editor form (new or edit): "Preview" renders the body and changes
 * nothing; otherwise the content is validated and, if sound, handed back to be saved.
 */
export async function readEditorSubmission(form: FormData, convention: NumberConvention): Promise<EditorSubmission> {
  const { intent, version, values } = readPracticeSubmission(form);
  if (intent === "preview") {
    return { ready: false, status: 200, result: { values, errors: {}, previewHtml: renderMarkdown(values.text.body ?? ""), currentVersion: null } };
  }
  const validated = await validatePracticeContent(values, convention);
  if (!validated.ok) return { ready: false, status: 400, result: { values, errors: validated.errors, previewHtml: null, currentVersion: null } };
  return { ready: true, content: validated.content, submit: intent === "submit", version, values };
}
