/** The server public face of this area: other areas import only this file or index.ts (decision 0008). */
export { dailyDigestJob, sendNotificationEmailJob, weeklyDigestJob } from "./email-jobs.server";
export { curators, notify, type NotificationInput, regionEditors } from "./notify.server";
export { deleteOldNotificationsJob } from "./retention.server";
