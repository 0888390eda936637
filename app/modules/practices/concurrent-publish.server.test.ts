import { describe, expect, it } from "vitest";
import { practiceContent, publishPractice, testActor } from "../../../tests/support/practice-factory";

describe("concurrent publishing", () => {
  // Each publish notifies and enqueues jobs in its transaction; creating a job queue there while
  // other publishes insert jobs deadlocked about one run in two on a fresh database.
  it("publishes six practices at once, each notifying in its transaction, without a deadlock", async () => {
    const curator = await testActor("curator");
    const editors = await Promise.all(["32.11", "33.16", "35.10", "32.11", "33.16", "35.10"].map((code) => testActor("editor", code)));
    const ids = await Promise.all(editors.map((editor, index) => publishPractice(practiceContent({ title: `Praktik serentak ${index} ${Date.now()}` }), { editor, curator })));
    expect(new Set(ids).size).toBe(6);
  });
});
