/**
 * Every job the worker runs, from the areas that own them. A job added to an area is listed
 * here, or no worker takes it.
 */
import { deleteExpiredLinksJob } from "./modules/auth/index.server";
import { deleteUnrecordedFileJob } from "./modules/files/index.server";
import { deleteOldFormSubmissionsJob, type JobHandler } from "./modules/jobs/index.server";
import { deleteExpiredCountersJob } from "./modules/limits/index.server";
import { dailyDigestJob, deleteOldNotificationsJob, sendNotificationEmailJob, weeklyDigestJob } from "./modules/notifications/index.server";
import { deliverQueuedContactMessageJob } from "./modules/practices/index.server";

export const backgroundJobs: readonly JobHandler<never>[] = [deleteExpiredCountersJob, deleteExpiredLinksJob, deleteUnrecordedFileJob, deleteOldFormSubmissionsJob, deleteOldNotificationsJob, sendNotificationEmailJob, dailyDigestJob, weeklyDigestJob, deliverQueuedContactMessageJob];
