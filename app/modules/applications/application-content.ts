/** What an application in the catalog says about itself, and the limits of each field. Browser-safe. */

export const APPLICATION_FUNCTIONS = [
  "administrasi_perkantoran",
  "perencanaan_penganggaran",
  "keuangan_aset",
  "kepegawaian",
  "akuntabilitas_kinerja",
  "pelayanan_publik",
  "pengaduan",
  "data_informasi",
  "kesehatan_sosial",
  "lainnya",
] as const;
export type ApplicationFunction = (typeof APPLICATION_FUNCTIONS)[number];

/** A grant (hibah), shared use of the owner's installation (berbagi pakai), or an open source licence. */
export const APPLICATION_TERMS = ["hibah", "berbagi_pakai", "sumber_terbuka"] as const;
export type ApplicationTerms = (typeof APPLICATION_TERMS)[number];

/**
 * Version of the purpose note beside a request's contact consent checkbox (the catalog's
 * `appCatalog.contactPurpose`), as practice contacts do: raise it when that text changes in
 * meaning, so each request says which text its contact person agreed to.
 */
export const APPLICATION_CONTACT_PURPOSE_VERSION = 1;

export const APPLICATION_LIMITS = {
  name: 160,
  description: 5000,
  technology: 40,
  technologies: 12,
  hosting: 300,
  licence: 100,
  termsNote: 2000,
  url: 500,
  purpose: 3000,
  contact: 300,
  decisionNote: 2000,
} as const;

export interface ApplicationContent {
  name: string;
  function: ApplicationFunction;
  description: string;
  /** framework_nodes ids of SPBE 2020 indicators. */
  indicatorIds: number[];
  stack: string[];
  hosting: string;
  terms: ApplicationTerms;
  licence: string;
  termsNote: string;
  documentationUrl: string | null;
  sourceUrl: string | null;
  /** The owner region's published practices it supports. */
  practiceIds: number[];
}

/** Technologies typed as one comma-separated line: trimmed, blanks dropped, repeats (any case) once. */
export function splitTechnologies(line: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of line.split(",")) {
    const technology = part.trim().replace(/\s+/g, " ");
    if (technology === "" || seen.has(technology.toLocaleLowerCase("id"))) continue;
    seen.add(technology.toLocaleLowerCase("id"));
    result.push(technology);
  }
  return result;
}

/** The form's field values for content (to fill the editor). */
export function applicationFormValues(content: ApplicationContent): Record<string, string> {
  return {
    name: content.name,
    function: content.function,
    description: content.description,
    stack: content.stack.join(", "),
    hosting: content.hosting,
    terms: content.terms,
    licence: content.licence,
    termsNote: content.termsNote,
    documentationUrl: content.documentationUrl ?? "",
    sourceUrl: content.sourceUrl ?? "",
  };
}
