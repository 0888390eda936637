/**
 * Clean-ups of tables that shared modules below every area own (decision 0008: they import no
 * area, so they cannot define a job themselves).
 */
import { deleteOldFormSubmissions } from "../forms/submit-once.server";
import type { JobHandler } from "./queue.server";

/** One-time form tokens' submissions past their useful life (forms/submit-once.server.ts). */
export const deleteOldFormSubmissionsJob: JobHandler = {
  name: "forms.delete-old-submissions",
  schedule: "37 3 * * *",
  async run() {
    await deleteOldFormSubmissions();
  },
};
