import type { FieldErrors } from "../forms/form-data";
import type { NumberConvention } from "../numbers/locale-number";
import { renderMarkdown } from "./markdown.server";
import { contactConsentMissing, type PracticeContent, type PracticeFormValues, readPracticeSubmission } from "./practice-content";
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
  /** `contactConsent`: the editor confirmed the contact person's consent (required when there is a contact). */
  | { ready: true; content: PracticeContent; contactConsent: boolean; submit: boolean; version: number; values: PracticeFormValues };

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
  // Without consent nothing is saved, the contact included: the editor ticks the box or clears the contact.
  const consentErrors: FieldErrors = contactConsentMissing(values) ? { contactConsent: { code: "contactConsentRequired" } } : {};
  if (!validated.ok || Object.keys(consentErrors).length > 0) {
    const errors = { ...(validated.ok ? {} : validated.errors), ...consentErrors };
    return { ready: false, status: 400, result: { values, errors, previewHtml: null, currentVersion: null } };
  }
  return { ready: true, content: validated.content, contactConsent: values.text.contactConsent === "on", submit: intent === "submit", version, values };
}
