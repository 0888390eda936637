import { describe, expect, it } from "vitest";
import { parseApplicationForm, parseDecisionForm, parseRequestForm } from "./application-form.server";
import { parseCatalogQuery } from "./catalog-query";
import { splitTechnologies } from "./application-content";

const form = (fields: Record<string, string>, extra: [string, string][] = []) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const [name, value] of extra) data.append(name, value);
  return data;
};

const valid = { name: "E-Office", function: "administrasi_perkantoran", description: "Naskah dinas elektronik.", terms: "hibah", stack: "PHP, Laravel, php" };

describe("application form", () => {
  it("reads a valid application, technologies once each whatever their case", () => {
    const parsed = parseApplicationForm(form(valid, [["indicatorIds", "7"], ["indicatorIds", "7"], ["practiceIds", "3"]]));
    expect(parsed).toMatchObject({ ok: true, data: { name: "E-Office", stack: ["PHP", "Laravel"], indicatorIds: [7], practiceIds: [3], documentationUrl: null } });
  });

  it.each(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/x", "https://", "JaVaScRiPt:alert(1)"])("refuses the link %s", (url) => {
    const parsed = parseApplicationForm(form({ ...valid, documentationUrl: url, sourceUrl: url }));
    expect(parsed).toMatchObject({ ok: false, errors: { documentationUrl: { code: "applicationUrlInvalid" }, sourceUrl: { code: "applicationUrlInvalid" } } });
    // The input comes back to the form as it was typed.
    if (!parsed.ok) expect(parsed.values.documentationUrl).toBe(url);
  });

  it("accepts http and https links", () => {
    const parsed = parseApplicationForm(form({ ...valid, documentationUrl: "http://sumedangkab.go.id/eoffice", sourceUrl: "https://git.example.go.id/eoffice" }));
    expect(parsed).toMatchObject({ ok: true, data: { documentationUrl: "http://sumedangkab.go.id/eoffice", sourceUrl: "https://git.example.go.id/eoffice" } });
  });

  it("keeps markup as text (React escapes it) and needs a licence for open source", () => {
    const xss = '<img src=x onerror="alert(1)">';
    expect(parseApplicationForm(form({ ...valid, name: xss, description: xss, hosting: xss }))).toMatchObject({ ok: true, data: { name: xss, description: xss, hosting: xss } });
    expect(parseApplicationForm(form({ ...valid, terms: "sumber_terbuka" }))).toMatchObject({ ok: false, errors: { licence: { code: "applicationLicenceRequired" } } });
  });

  it("refuses huge fields, unknown choices and forged ids with a message per field", () => {
    const parsed = parseApplicationForm(form({ ...valid, name: "x".repeat(10_000), description: "y".repeat(1_000_000), function: "bitcoin", terms: "gratis" }, [["indicatorIds", "1 or 1=1"]]));
    expect(parsed).toMatchObject({
      ok: false,
      errors: { name: { code: "tooLong", max: 160 }, description: { code: "tooLong" }, function: { code: "required" }, terms: { code: "required" }, "indicatorIds.0": { code: "indicatorUnknown" } },
    });
    if (!parsed.ok) expect(parsed.values.description!.length).toBeLessThanOrEqual(20_000);
  });

  it("splits technologies on commas, dropping blanks", () => {
    expect(splitTechnologies(" PHP ,, MySQL,  Vue  JS ,")).toEqual(["PHP", "MySQL", "Vue JS"]);
  });
});

describe("request and decision forms", () => {
  const request = { purpose: "Naskah dinas seluruh OPD.", contact: "Budi, Diskominfo, 0812", contactConsent: "ya", sourcePracticeId: "4", adopterPracticeId: "9" };

  it("needs the contact person's consent, one line of contact, and real ids", () => {
    expect(parseRequestForm(form(request))).toEqual({ ok: true, data: { purpose: request.purpose, contact: request.contact, sourcePracticeId: 4, adopterPracticeId: 9 } });
    const { contactConsent: _consent, ...withoutConsent } = request;
    expect(parseRequestForm(form(withoutConsent))).toMatchObject({ ok: false, errors: { contactConsent: { code: "applicationConsentRequired" } } });
    expect(parseRequestForm(form({ ...request, contact: "Budi\r\nBcc: x@y.z", adopterPracticeId: "99999999999" }))).toMatchObject({
      ok: false,
      errors: { contact: { code: "lineBreakNotAllowed" }, adopterPracticeId: { code: "required" } },
    });
  });

  it("needs a reason to decline, not to approve", () => {
    expect(parseDecisionForm(form({ decision: "approve", note: "", requestId: "3" }))).toEqual({ ok: true, data: { decision: "approve", note: "", requestId: 3 } });
    expect(parseDecisionForm(form({ decision: "decline", note: "  ", requestId: "3" }))).toMatchObject({ ok: false, errors: { note: { code: "applicationReasonRequired" } } });
  });
});

describe("catalog query", () => {
  const known = { provinceCodes: new Set(["32", "33"]) };

  it("reads the Indonesian parameters", () => {
    expect(parseCatalogQuery(new URLSearchParams("fungsi=kepegawaian&indikator=37&provinsi=32&teknologi=PHP&q=%20e-office%20&hal=2"), known)).toEqual({
      function: "kepegawaian",
      indicator: 37,
      province: "32",
      technology: "PHP",
      text: "e-office",
      page: 2,
    });
  });

  it("ignores unknown or malformed values", () => {
    expect(parseCatalogQuery(new URLSearchParams(`fungsi=x&indikator=abc&provinsi=99&teknologi=${"a".repeat(100)}&hal=-1`), known)).toEqual({
      function: null,
      indicator: null,
      province: null,
      technology: "a".repeat(40),
      text: null,
      page: 1,
    });
  });
});
