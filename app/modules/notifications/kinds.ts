/**
 * Every kind of notification, each with its message in the workspace catalog
 * (`notifications.kind.<kind>`, placeholders from the payload) and a preference per user. An
 * area adds its events here (and their messages); the database takes any kind.
 */
export const notificationKinds = [
  "practiceSubmitted",
  "changesRequested",
  "practicePublished",
  "practiceArchived",
  "questionAsked",
  "contactMessageReceived",
  "answerPosted",
  "adoptionRecorded",
  "visitRequested",
  "visitAccepted",
  "visitDatesProposed",
  "visitDeclined",
  "visitDatesAccepted",
  "visitWithdrawn",
  "visitCancelled",
  "applicationRequested",
  "applicationApproved",
  "applicationDeclined",
  "followedPractice",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (notificationKinds as readonly string[]).includes(value);
}

/** In the inbox only, an email at once, or a digest email once a day or a week (with the inbox always). */
export const notificationChannels = ["in_app", "email", "daily", "weekly"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export type DigestPeriod = "daily" | "weekly";

/** Until a user chooses: an email at once, so nobody misses the first events. */
export const DEFAULT_CHANNEL: NotificationChannel = "email";

export function isNotificationChannel(value: unknown): value is NotificationChannel {
  return typeof value === "string" && (notificationChannels as readonly string[]).includes(value);
}

/** The inbox's page size. */
export const INBOX_PAGE_SIZE = 25;
/** A digest lists this many of the period's notifications, newest first, and links to the inbox for the rest. */
export const DIGEST_LIST_LIMIT = 20;
