import { z } from "zod";
import { fields } from "../forms/form-schemas.server";
import { CONTACT_MESSAGE_LIMITS, CONTACT_MESSAGE_PURPOSES, CONTACT_TOKEN_FIELD, CONTACT_TRAP_FIELD } from "./contact";

/**
 * Names and addresses go into mail headers (Reply-To): a line break there could add headers of
 * its own, so one is refused outright rather than cleaned up.
 */
const oneLine = (value: string) => !/[\r\n]/.test(value);

/** The "Hubungi melalui IDSL" form; its messages are ValidationCodes. */
export const contactMessageSchema = z.object({
  name: z.string().refine(oneLine, "lineBreakNotAllowed").pipe(fields.requiredText(CONTACT_MESSAGE_LIMITS.name)),
  email: z.string().refine(oneLine, "lineBreakNotAllowed").pipe(fields.email()),
  purpose: z.enum(CONTACT_MESSAGE_PURPOSES, "purposeInvalid"),
  body: fields.requiredText(CONTACT_MESSAGE_LIMITS.body),
  // Issued by the page (newContactFormToken); anything else is a form from elsewhere or tampered with.
  [CONTACT_TOKEN_FIELD]: z.string().regex(/^[A-Za-z0-9_-]{32}$/, "formExpired"),
});

export type ContactMessageInput = z.output<typeof contactMessageSchema>;

/** Whether the trap field was filled in (see CONTACT_TRAP_FIELD). */
export function filledTrap(form: FormData): boolean {
  const value = form.get(CONTACT_TRAP_FIELD);
  return typeof value === "string" && value.trim() !== "";
}
