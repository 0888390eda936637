/** The public face of this area: other areas import only this file (decision 0008). */
export { deleteOldFormSubmissionsJob } from "./floor-cleanup.server";
export { enqueueJob, installJobQueue, jobQueueBacklog, type EnqueueOptions, type JobHandler, type QueueBacklog } from "./queue.server";
export { startJobWorker, type JobWorker, type JobWorkerOptions } from "./worker.server";
