/**
 * A practice's contact person is personal data (UU 27/2022): shown only to signed-in officials,
 * and only once the editor recorded the person's consent to the purpose below. Browser-safe.
 */

/**
 * Version of the purpose note beside the consent checkbox (the catalog's `contactPrivacy.purpose`).
 * Raise it whenever that text changes in meaning, so each consent says which text it was given to.
 */
export const CONTACT_PURPOSE_VERSION = 1;

/** What a visitor may write to a region about: the purposes the region's editors see. */
export const CONTACT_MESSAGE_PURPOSES = ["replication", "study_visit", "other"] as const;
export type ContactMessagePurpose = (typeof CONTACT_MESSAGE_PURPOSES)[number];

export const CONTACT_MESSAGE_LIMITS = { name: 120, email: 254, body: 3000 } as const;

/** The one-time token of a contact form (see newContactFormToken): one message per token. */
export const CONTACT_TOKEN_FIELD = "formToken";
/** The hidden field people never see or fill: a value in it means a bot filled the form. */
export const CONTACT_TRAP_FIELD = "website";

/** A contact as a page may show it, with its recorded consent (null: none recorded yet). */
export interface VisibleContact {
  text: string;
  consent: { purposeVersion: number; recordedAt: Date; recordedByName: string } | null;
}
