import { describe, expect, it } from "vitest";
import { diffRevisionTexts } from "./revision-diff";

describe("diffRevisionTexts", () => {
  it("lists only changed fields, words for short fields and lines for long ones", () => {
    const changes = diffRevisionTexts(
      { title: "Command Center Sumedang", body: "a\nb\nc\n", stage: "penerapan" },
      { title: "Sumedang Command Center terpadu", body: "a\nB\nc\n", stage: "penerapan" },
      new Set(["body"]),
    );
    expect(changes.map((change) => change.field)).toEqual(["title", "body"]);
    const title = changes[0]!.parts;
    expect(title.filter((part) => part.change === "added").map((part) => part.text.trim())).toContain("terpadu");
    expect(changes[1]!.parts).toEqual([
      { change: "same", text: "a\n" },
      { change: "removed", text: "b\n" },
      { change: "added", text: "B\n" },
      { change: "same", text: "c\n" },
    ]);
  });

  it("shortens long unchanged stretches of a body", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `baris ${i}\n`).join("");
    const [body] = diffRevisionTexts({ body: lines }, { body: `${lines}baru\n` }, new Set(["body"]));
    const same = body!.parts.find((part) => part.change === "same")!;
    expect(same.text).toContain("⋯");
    expect(same.text.split("\n").length).toBeLessThan(10);
    expect(body!.parts.at(-1)).toEqual({ change: "added", text: "baru\n" });
  });

  it("treats a field that appears for the first time as all added", () => {
    const [change] = diffRevisionTexts({}, { legalBasis: "Perbup 1/2021" }, new Set());
    expect(change!.parts.every((part) => part.change === "added")).toBe(true);
  });
});
