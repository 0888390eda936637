import { describe, expect, it } from "vitest";
import { levelsOf, parseSelfAssessmentForm } from "./self-assessment";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

describe("parseSelfAssessmentForm", () => {
  it("reads levels, notes and evidence links, leaving blanks for later", () => {
    const { entries, errors } = parseSelfAssessmentForm(form({ level_1: "3", note_1: " Perbup 2021 ", evidence_1: "https://jdih.go.id/x", level_2: "" }), [1, 2]);
    expect(errors).toEqual({});
    expect(entries.get(1)).toEqual({ level: 3, note: "Perbup 2021", evidenceUrl: "https://jdih.go.id/x" });
    expect(entries.get(2)).toEqual({ level: null, note: "", evidenceUrl: "" });
    expect(levelsOf(entries)).toEqual(new Map([[1, 3]]));
  });

  it("names each bad field: levels outside 1–5, non-https links, long notes", () => {
    const { errors } = parseSelfAssessmentForm(
      form({ level_1: "6", level_2: "2.5", level_3: "0", evidence_1: "javascript:alert(1)", evidence_2: "http://x.go.id", note_3: "x".repeat(1001) }),
      [1, 2, 3],
    );
    expect(errors).toEqual({
      level_1: { code: "levelInvalid" },
      evidence_1: { code: "urlInvalid" },
      level_2: { code: "levelInvalid" },
      evidence_2: { code: "urlInvalid" },
      level_3: { code: "levelInvalid" },
      note_3: { code: "tooLong", max: 1000 },
    });
  });
});
