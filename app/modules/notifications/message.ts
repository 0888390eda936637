import type { Translator } from "../i18n/translator";
import type { NotificationKind } from "./kinds";

/** A notification's sentence in the reader's language: its kind's message with the payload and the actor's name. */
export function notificationText(
  t: Translator["t"],
  notification: { kind: NotificationKind; actorName: string | null; payload: Record<string, string | number> },
): string {
  return t(`notifications.kind.${notification.kind}`, { ...notification.payload, actor: notification.actorName ?? "IDSL" });
}
