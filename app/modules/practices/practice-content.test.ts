import { describe, expect, it } from "vitest";
import { practiceForm } from "../../../tests/support/practice-factory";
import { fieldErrorsFrom } from "../forms/form-schemas.server";
import type { NumberConvention } from "../numbers/locale-number";
import { contactConsentMissing, formValuesFromContent, parseSourceLine, practiceFormValues } from "./practice-content";
import { parsePracticeContent } from "./practice-content-schema.server";

function parse(fields: Record<string, string>, extra: [string, string][] = [], convention: NumberConvention = "id") {
  const data = new FormData();
  for (const [name, value] of practiceForm(fields, extra)) data.append(name, value);
  return parsePracticeContent(practiceFormValues(data), convention);
}

const metric = (name: string, baseline: string, result: string): [string, string][] => [
  ["metricName", name],
  ["metricBaseline", baseline],
  ["metricResult", result],
  ["metricUnit", ""],
  ["metricBaselineYear", ""],
  ["metricResultYear", ""],
];

const errorsOf = (result: ReturnType<typeof parse>) => (result.success ? {} : fieldErrorsFrom(result.error));

describe("practice form parsing", () => {
  it("turns lists, metrics, dates and sources into structured content", () => {
    const result = parse(
      {
        partners: "Telkomsel\n\n Telkomsel \nBSSN",
        tags: "Stunting, command center\nSTUNTING",
        startedOn: "2021-02",
        sources: "Republika | https://republika.co.id/a\nhttps://tribunnews.com/b\nKBRN (RRI) Blora, 18 Jan 2022",
      },
      [
        ["metricName", "Prevalensi stunting"],
        ["metricBaseline", "32,2"],
        ["metricResult", "8,29"],
        ["metricUnit", "%"],
        ["metricBaselineYear", "2018"],
        ["metricResultYear", "2022"],
        ["metricName", ""],
        ["metricBaseline", ""],
        ["metricResult", ""],
        ["metricUnit", ""],
        ["metricBaselineYear", ""],
        ["metricResultYear", ""],
      ],
    );
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      partners: ["Telkomsel", "BSSN"],
      tags: ["stunting", "command center"],
      startedOn: "2021-02",
      metrics: [{ name: "Prevalensi stunting", baseline: 32.2, result: 8.29, unit: "%", baselineYear: 2018, resultYear: 2022 }],
      sources: [
        { label: "Republika", url: "https://republika.co.id/a" },
        { label: "", url: "https://tribunnews.com/b" },
        { label: "KBRN (RRI) Blora, 18 Jan 2022", url: null },
      ],
    });
  });

  it("round-trips content through the form values in either language", () => {
    for (const convention of ["id", "en"] as const) {
      const result = parse({ partners: "A\nB", tags: "x, y", sources: "S | https://s.id" }, [
        ["metricName", "Indeks"],
        ["metricBaseline", "2,48"],
        ["metricResult", "3,81"],
        ["metricUnit", ""],
        ["metricBaselineYear", "2018"],
        ["metricResultYear", "2020"],
        ...metric("Layanan per tahun", "1.200", "1.200.000"),
      ]);
      const values = formValuesFromContent(result.data!, convention);
      const data = new FormData();
      for (const [name, value] of Object.entries(values.text)) data.append(name, value);
      for (const row of values.metrics) for (const [field, value] of Object.entries(row)) data.append(`metric${field[0]!.toUpperCase()}${field.slice(1)}`, value);
      expect(parsePracticeContent(practiceFormValues(data), convention).data).toEqual(result.data);
    }
  });

  it("reads figures the Indonesian way on the Indonesian form and the English way on the English one", () => {
    expect(parse({}, metric("Dokumen", "1.200", "4.800")).data?.metrics).toMatchObject([{ baseline: 1200, result: 4800 }]);
    expect(parse({}, metric("Penduduk", "", "1.200.000")).data?.metrics).toMatchObject([{ result: 1_200_000 }]);
    expect(parse({}, metric("Indeks", "", "3,62")).data?.metrics).toMatchObject([{ result: 3.62 }]);
    expect(parse({}, metric("Documents", "1,200", "4.5"), "en").data?.metrics).toMatchObject([{ baseline: 1200, result: 4.5 }]);
  });

  it("asks about a number that could be a decimal or a mistyped thousands figure, keeping the input", () => {
    const result = parse({}, metric("Waktu layanan", "1.5", "2"));
    expect(errorsOf(result)).toEqual({ "metrics.0.baseline": { code: "numberWrongMark", readings: [1.5] } });
  });

  it("names the field and row of every problem", () => {
    const result = parse(
      { summary: Array.from({ length: 101 }, () => "kata").join(" "), startedOn: "Feb 2021", stage: "selesai", runningStatus: "stopped" },
      [
        ["metricName", "Waktu layanan"],
        ["metricBaseline", "lama"],
        ["metricResult", ""],
        ["metricUnit", "hari"],
        ["metricBaselineYear", "22"],
        ["metricResultYear", ""],
      ],
    );
    expect(errorsOf(result)).toEqual({
      summary: { code: "tooManyWords" },
      startedOn: { code: "partialDateInvalid" },
      stage: { code: "stageInvalid" },
      "metrics.0.baseline": { code: "numberInvalid" },
      "metrics.0.result": { code: "required" },
      "metrics.0.baselineYear": { code: "yearInvalid" },
    });
  });

  it("requires a reason when a practice has stopped, and a result for a named metric", () => {
    expect(errorsOf(parse({ runningStatus: "stopped" }))).toEqual({ stoppedReason: { code: "stoppedNeedsReason" } });
    const missingResult = parse({}, [
      ["metricName", "Waktu layanan"],
      ["metricBaseline", "5"],
      ["metricResult", ""],
      ["metricUnit", "hari"],
      ["metricBaselineYear", ""],
      ["metricResultYear", ""],
    ]);
    expect(errorsOf(missingResult)).toEqual({ "metrics.0.result": { code: "required" } });
  });

  it("refuses a body over 200,000 characters", () => {
    expect(errorsOf(parse({ body: "a".repeat(200_001) }))).toEqual({ body: { code: "tooLong", max: 200_000 } });
  });

  it("reads source lines", () => {
    expect(parseSourceLine("Judul | javascript:alert(1)")).toBeNull();
    expect(parseSourceLine("javascript:alert(1)")).toEqual({ label: "javascript:alert(1)", url: null });
  });
});

describe("contact consent", () => {
  const values = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of practiceForm(fields)) data.append(name, value);
    return practiceFormValues(data);
  };

  it("is needed only when a contact is entered, and is the ticked box", () => {
    expect(contactConsentMissing(values({}))).toBe(false);
    expect(contactConsentMissing(values({ contact: "   " }))).toBe(false);
    expect(contactConsentMissing(values({ contact: "Budi, 0812-3456-7890" }))).toBe(true);
    expect(contactConsentMissing(values({ contact: "Budi, 0812-3456-7890", contactConsent: "on" }))).toBe(false);
    // The box keeps its state in the values shown again after an error.
    expect(values({ contactConsent: "on" }).text.contactConsent).toBe("on");
  });
});
