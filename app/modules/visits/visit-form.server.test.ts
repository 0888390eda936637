import { describe, expect, it } from "vitest";
import { jakartaToday, parseVisitDecision, parseVisitRequest } from "./visit-form.server";

const today = "2026-12-01";

function form(fields: Record<string, string>, practices: string[] = ["7"]): FormData {
  const data = new FormData();
  const defaults = { hostRegionCode: "32.11", purpose: "Belajar e-office", startDate: "2026-12-10", endDate: "2026-12-11", participants: "12", contact: "Budi, Diskominfo, 0812", contactConsent: "on" };
  for (const [name, value] of Object.entries({ ...defaults, ...fields })) if (value !== "∅") data.append(name, value);
  for (const id of practices) data.append("praktik", id);
  return data;
}

const parse = (data: FormData, convention: "id" | "en" = "id") => parseVisitRequest(data, { today, convention });

describe("parseVisitRequest", () => {
  it("reads a complete request", () => {
    expect(parse(form({}, ["7", "9", "7"]))).toEqual({
      ok: true,
      data: { hostRegionCode: "32.11", practiceIds: [7, 9], purpose: "Belajar e-office", participants: 12, startDate: "2026-12-10", endDate: "2026-12-11", contact: "Budi, Diskominfo, 0812" },
    });
  });

  it("reads participants as Indonesian numbers and refuses anything but a positive whole number", () => {
    expect(parse(form({ participants: "1.200" }))).toMatchObject({ ok: false, errors: { participants: { code: "numberOutOfRange", min: 1, max: 500 } } });
    expect(parse(form({ participants: "120" }))).toMatchObject({ ok: true, data: { participants: 120 } });
    for (const [value, code] of [["0", "numberOutOfRange"], ["-3", "numberOutOfRange"], ["2,5", "numberNotInteger"], ["dua belas", "numberInvalid"], ["", "required"]] as const) {
      const parsed = parse(form({ participants: value }));
      expect(parsed, value).toMatchObject({ ok: false, errors: { participants: { code } } });
      // The input comes back as typed, to correct it.
      expect(parsed.ok ? null : parsed.values.participants).toBe(value);
    }
  });

  it("answers the Indonesian habits of writing a head count next to the field, keeping the input", () => {
    const cases = [
      ["1.200", "id", "numberOutOfRange"],
      ["1,5", "id", "numberNotInteger"],
      ["1.5", "id", "numberNotInteger"],
      ["12 orang", "id", "numberInvalid"],
      ["1,200", "en", "numberOutOfRange"],
      ["1.200", "en", "numberNotInteger"],
    ] as const;
    for (const [value, convention, code] of cases) {
      const parsed = parse(form({ participants: value }), convention);
      expect(parsed, `${value} (${convention})`).toMatchObject({ ok: false, errors: { participants: { code } }, values: { participants: value } });
    }
    expect(parse(form({ participants: " 12 " }))).toMatchObject({ ok: true, data: { participants: 12 } });
  });

  it("refuses dates in the past, reversed, impossible or far ahead, next to the field", () => {
    expect(parse(form({ startDate: "2026-11-30" }))).toMatchObject({ ok: false, errors: { startDate: { code: "datePast" } } });
    expect(parse(form({ startDate: "2026-12-12", endDate: "2026-12-10" }))).toMatchObject({ ok: false, errors: { endDate: { code: "dateOrder" } } });
    expect(parse(form({ startDate: "2026-02-30" }))).toMatchObject({ ok: false, errors: { startDate: { code: "dateInvalid" } } });
    expect(parse(form({ endDate: "10/12/2026" }))).toMatchObject({ ok: false, errors: { endDate: { code: "dateInvalid" } } });
    expect(parse(form({ startDate: "2030-01-01", endDate: "2030-01-02" }))).toMatchObject({ ok: false, errors: { startDate: { code: "dateTooFar" } } });
    expect(parse(form({ startDate: today, endDate: today }))).toMatchObject({ ok: true });
  });

  it("needs the contact's consent, a one-line contact, a purpose and at least one practice id", () => {
    expect(parse(form({ contactConsent: "∅" }))).toMatchObject({ ok: false, errors: { contactConsent: { code: "contactConsentRequired" } } });
    expect(parse(form({ contact: "Budi\r\nBcc: x@example.com" }))).toMatchObject({ ok: false, errors: { contact: { code: "lineBreakNotAllowed" } } });
    expect(parse(form({ purpose: "  " }))).toMatchObject({ ok: false, errors: { purpose: { code: "required" } } });
    expect(parse(form({}, []))).toMatchObject({ ok: false, errors: { praktik: { code: "visitPracticeRequired" } } });
    const forged = parse(form({}, ["7", "1; drop table visits"]));
    expect(forged).toMatchObject({ ok: false, errors: { praktik: { code: "practiceUnknown" } } });
    expect(forged.ok ? null : forged.values.praktik).toBe("7,1; drop table visits");
  });
});

describe("parseVisitDecision", () => {
  const decision = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return parseVisitDecision(data, today);
  };

  it("reads each step with what it needs", () => {
    expect(decision({ langkah: "accept", startDate: "2026-12-10", endDate: "2026-12-10" })).toEqual({ ok: true, data: { step: "accept", startDate: "2026-12-10", endDate: "2026-12-10" } });
    expect(decision({ langkah: "proposeDates", startDate: "2026-12-12", endDate: "2026-12-10" })).toMatchObject({ ok: false, errors: { endDate: { code: "dateOrder" } } });
    expect(decision({ langkah: "decline", reason: "" })).toMatchObject({ ok: false, errors: { reason: { code: "required" } } });
    expect(decision({ langkah: "withdraw" })).toEqual({ ok: true, data: { step: "withdraw" } });
    expect(decision({ langkah: "complete", lessons: "Naskah dinas", adopsi: "" })).toEqual({ ok: true, data: { step: "complete", lessons: "Naskah dinas", adopterPracticeId: null } });
    expect(decision({ langkah: "complete", lessons: "x", adopsi: "abc" })).toMatchObject({ ok: false, errors: { adopsi: { code: "practiceUnknown" } } });
    expect(decision({ langkah: "approveEverything" })).toMatchObject({ ok: false, errors: { form: { code: "visitStepNotAllowed" } } });
  });
});

describe("jakartaToday", () => {
  it("is the date in Jakarta (UTC+7), not UTC", () => {
    expect(jakartaToday(new Date("2026-12-01T16:59:59Z"))).toBe("2026-12-01");
    expect(jakartaToday(new Date("2026-12-01T17:00:00Z"))).toBe("2026-12-02");
  });
});
