import { describe, expect, it } from "vitest";
import { backgroundJobs } from "./background-jobs.server";

describe("backgroundJobs", () => {
  it("takes the jobs of every queue deployments may still hold, the replaced contact-message email included", () => {
    // Without a handler, jobs queued before an update would wait forever and their work be lost.
    expect(backgroundJobs.map((job) => job.name)).toContain("practices.deliver-contact-message");
  });

  it("lists each queue once", () => {
    const names = backgroundJobs.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
