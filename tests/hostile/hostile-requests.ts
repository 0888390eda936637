import { readFileSync } from "node:fs";
import { parse } from "node-html-parser";
import { PDF, PNG } from "./fixtures";
import type { FormField, FormTarget } from "./site-forms";

interface PayloadEntry {
  kind: string;
  value: string;
  repeat?: number;
  large?: boolean;
}

/** The payload list in payloads.json; the large ones only when asked for. */
export function loadPayloads(includeLarge: boolean): string[] {
  const { payloads } = JSON.parse(readFileSync(new URL("payloads.json", import.meta.url), "utf8")) as { payloads: PayloadEntry[] };
  return payloads.filter((entry) => includeLarge || !entry.large).map((entry) => entry.value.repeat(entry.repeat ?? 1));
}

/** Whether a file input takes spreadsheets, whose cells are input too. */
export const takesSpreadsheets = (accept: string) => /csv|xlsx|sheet/.test(accept);

/** A spreadsheet whose every cell but the header holds `cell`, as Excel on an Indonesian PC saves it. */
export const spreadsheetWith = (cell: string) => `kode_wilayah;tahun;indeks;sumber\r\n${[cell, cell, cell, cell].join(";")}\r\n32.11;2024;${cell};${cell}\r\n`;

/** A file a careful user would choose for an input with this accept attribute. */
function plausibleFile(accept: string, name?: string, content?: string): File {
  if (/pdf/.test(accept)) return new File([PDF], name ?? "laporan.pdf", { type: "application/pdf" });
  if (takesSpreadsheets(accept)) return new File([content ?? spreadsheetWith("4,51")], name ?? "hasil.csv", { type: "text/csv" });
  return new File([PNG], name ?? "bukti.png", { type: "image/png" });
}

/**
 * The form's body with `overrides` in place of some fields' values (a file field takes its value
 * as the file's name, and a spreadsheet's content from `contents`).
 */
export function formBody(target: FormTarget, overrides: Record<string, string> = {}, extra: [string, string][] = [], contents: Record<string, string> = {}): URLSearchParams | FormData {
  const valueOf = (field: FormField) => (Object.hasOwn(overrides, field.name) ? overrides[field.name] : undefined);
  if (!target.multipart) {
    const body = new URLSearchParams();
    for (const field of target.fields) if (field.kind === "text") body.append(field.name, valueOf(field) ?? field.value);
    for (const [name, value] of extra) body.append(name, value);
    return body;
  }
  const body = new FormData();
  for (const field of target.fields) {
    if (field.kind === "text") body.append(field.name, valueOf(field) ?? field.value);
    else body.append(field.name, plausibleFile(field.accept, valueOf(field), contents[field.name]));
  }
  for (const [name, value] of extra) body.append(name, value);
  return body;
}

/** Sends like a browser on our own pages (same origin, asking for HTML), never following redirects. */
export function send(origin: string, cookie: string | null, method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${origin}${path}`, {
    method,
    redirect: "manual",
    headers: { Accept: "text/html", ...(method === "GET" ? {} : { Origin: origin }), ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body,
  });
}

const MARKER = "idslx";
const SCRIPTABLE_URL = /^\s*javascript:/i;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "xlink:href"]);

/**
 * Where a page would run a payload: an element, event handler or script URL carrying the
 * marker that every script payload holds, or an inline script without the page's nonce.
 * Text and attribute values that merely contain the (escaped) payload are fine.
 */
export function unescapedReflection(html: string): string | null {
  if (!html.includes(MARKER) && !/javascript:/i.test(html)) return null;
  for (const element of parse(html, { comment: false }).querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (tag === MARKER) return `<${tag}> element`;
    if ((tag === "script" || tag === "style") && !element.hasAttribute("nonce") && element.text.includes(MARKER)) return `<${tag}> without nonce`;
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith("on") && value.includes(MARKER)) return `${attribute} on <${tag}>`;
      if (URL_ATTRIBUTES.has(attribute) && SCRIPTABLE_URL.test(value)) return `${attribute}="${value.slice(0, 40)}" on <${tag}>`;
    }
  }
  return null;
}
