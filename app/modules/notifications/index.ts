/** The browser-safe public face of this area (decision 0008). */
export { type NotificationKind, notificationKinds } from "./kinds";
