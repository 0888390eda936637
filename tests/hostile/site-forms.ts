import { type HTMLElement, parse } from "node-html-parser";

/** One way to submit one form: its fields with the values the page gave them. */
export interface FormTarget {
  /** Page the form was found on. */
  page: string;
  method: "GET" | "POST";
  action: string;
  multipart: boolean;
  /** The submit button pressed ("intent=save"), "" for a form without named buttons. */
  button: string;
  /** Fields in page order (the button's last); files carry the accept attribute instead of a value. */
  fields: FormField[];
}

export type FormField =
  | { kind: "text"; name: string; value: string; hidden: boolean }
  | { kind: "file"; name: string; accept: string };

/** A page that reads query parameters, with a value for each that a link gave it. */
export interface QueryTarget {
  path: string;
  params: [string, string][];
}

/** Pages never fetched while crawling: downloads and links that spend a token. */
const SKIPPED = /^\/(keluar|lampiran\/|laporan-evaluasi\/|masuk\/tautan\/)|\.(csv|xlsx)(\?|$)/;
const MAX_PAGES_PER_PATTERN = 2;

/** "/praktik/12/ubah" and "/praktik/7/ubah" are the same kind of page. */
export const pathPattern = (path: string) => path.replace(/\d+/g, "N");

function fieldsOf(form: HTMLElement): { fields: FormField[]; submitters: [string, string][] } {
  const fields: FormField[] = [];
  const submitters: [string, string][] = [];
  const radioSeen = new Set<string>();
  for (const element of form.querySelectorAll("input, select, textarea, button")) {
    const name = element.getAttribute("name");
    if (!name || element.hasAttribute("disabled")) continue;
    const tag = element.tagName.toLowerCase();
    const type = (element.getAttribute("type") ?? (tag === "button" ? "submit" : "text")).toLowerCase();
    if (type === "submit" || type === "image") {
      submitters.push([name, element.getAttribute("value") ?? ""]);
    } else if (tag === "select") {
      const options = element.querySelectorAll("option");
      const chosen = options.find((option) => option.hasAttribute("selected")) ?? options.find((option) => (option.getAttribute("value") ?? option.text) !== "") ?? options[0];
      fields.push({ kind: "text", name, value: chosen ? (chosen.getAttribute("value") ?? chosen.text) : "", hidden: false });
    } else if (tag === "textarea") {
      fields.push({ kind: "text", name, value: element.text || "Teks uji yang wajar.", hidden: false });
    } else if (type === "file") {
      fields.push({ kind: "file", name, accept: element.getAttribute("accept") ?? "" });
    } else if (type === "radio") {
      // One value per group: the checked one, else the first.
      const group = form.querySelectorAll(`input[type=radio][name="${name}"]`);
      if (radioSeen.has(name)) continue;
      radioSeen.add(name);
      const chosen = group.find((radio) => radio.hasAttribute("checked")) ?? group[0]!;
      fields.push({ kind: "text", name, value: chosen.getAttribute("value") ?? "on", hidden: false });
    } else if (type === "checkbox") {
      if (element.hasAttribute("checked")) fields.push({ kind: "text", name, value: element.getAttribute("value") ?? "on", hidden: false });
    } else {
      fields.push({ kind: "text", name, value: element.getAttribute("value") ?? plausibleValue(type, name), hidden: type === "hidden" });
    }
  }
  return { fields, submitters };
}

/** What a careful user would type into an empty field of this type. */
function plausibleValue(type: string, name: string): string {
  if (type === "email" || /email/i.test(name)) return "pengguna.baru@contoh.go.id";
  if (type === "url" || /url|situs/i.test(name)) return "https://contoh.go.id/laman";
  if (type === "number") return "3";
  if (type === "password" || /password|sandi/i.test(name)) return "kata sandi yang cukup panjang";
  if (type === "month") return "2024-03";
  if (type === "date") return "2024-03-01";
  return "Isian uji";
}

/** The forms and query links of one page, each submit button of a form as its own target. */
export function readPage(pageUrl: URL, html: string): { forms: FormTarget[]; links: URL[] } {
  const root = parse(html);
  const forms: FormTarget[] = [];
  for (const form of root.querySelectorAll("form")) {
    const method = (form.getAttribute("method") ?? "get").toUpperCase() === "POST" ? "POST" : "GET";
    const action = new URL(form.getAttribute("action") ?? pageUrl.href, pageUrl);
    if (action.origin !== pageUrl.origin) continue;
    const multipart = (form.getAttribute("enctype") ?? "").toLowerCase() === "multipart/form-data";
    const { fields, submitters } = fieldsOf(form);
    // A GET form replaces the action's query with its fields.
    const target = { page: pageUrl.pathname + pageUrl.search, method, action: method === "GET" ? action.pathname : action.pathname + action.search, multipart } as const;
    if (submitters.length === 0) forms.push({ ...target, button: "", fields });
    for (const [name, value] of submitters) forms.push({ ...target, button: `${name}=${value}`, fields: [...fields, { kind: "text", name, value, hidden: false }] });
  }
  const links = root
    .querySelectorAll("a[href]")
    .map((anchor) => new URL(anchor.getAttribute("href")!, pageUrl))
    .filter((link) => link.origin === pageUrl.origin);
  return { forms, links };
}

/**
 * What a form does: where it goes and the words it sends whatever is typed (hidden fields such
 * as intent=tarik, and the button). Forms that differ only in ids, paths (where to return) or
 * the values of the action's query do the same.
 */
export function formPurpose(form: FormTarget): string {
  const action = new URL(form.action, "http://x");
  return `${form.method} ${pathPattern(action.pathname)}?${[...action.searchParams.keys()].join("&")} ${sentWords(form)} ${form.button}`;
}

/** The words a form sends whatever is typed: hidden fields such as intent=tarik. */
const sentWords = (form: FormTarget) =>
  form.fields
    .flatMap((field) => (field.kind === "text" && field.hidden && /^[a-z][a-z_-]*$/i.test(field.value) ? [`${field.name}=${field.value}`] : []))
    .sort()
    .join("&");

/** Actions whose fields one function reads: creating and editing a record, each framework's editor. */
const SAME_READER: Record<string, string> = {
  "/praktik/N/ubah": "/praktik/baru",
  "/aplikasi/N/ubah": "/aplikasi/baru",
  "/kurasi/kerangka/pemdi-N": "/kurasi/kerangka/spbe-N",
};

/**
 * The code that reads a form's fields: its action's route whatever record, framework or return
 * address the page put in the path or query, and the words it sends (each intent is handled
 * apart). Forms with the same reader parse a field of the same name the same way.
 */
export function formReader(form: FormTarget): string {
  const route = pathPattern(new URL(form.action, "http://x").pathname);
  return `${form.method} ${SAME_READER[route] ?? route} ${sentWords(form)}`;
}

/** The form's fields, those that repeat with a number (one per indicator) counted once. */
export const fieldFamilies = (form: FormTarget) => new Set(form.fields.map((field) => pathPattern(field.name)));

/** One target per purpose and set of fields. */
export function formKey(form: FormTarget): string {
  return `${formPurpose(form)} ${[...fieldFamilies(form)].join(",")}`;
}

/**
 * Visits the site as one visitor (a session cookie, or none) from the seed pages, following
 * links up to `maxPages`, at most two pages of each kind with and without a query; `onPage`
 * sees every page. Returns every form, and every page's query parameters (from all links and
 * GET forms, visited or not).
 */
export async function crawl(origin: string, cookie: string | null, seeds: string[], maxPages: number, onPage?: (url: string, html: string) => void) {
  const queue = seeds.map((seed) => new URL(seed, origin));
  const perPattern = new Map<string, number>();
  const seen = new Set<string>();
  const forms = new Map<string, FormTarget>();
  const queries = new Map<string, Map<string, string>>();
  const noteQuery = (path: string, params: Iterable<[string, string]>) => {
    const known = queries.get(path) ?? new Map<string, string>();
    for (const [name, value] of params) if (!known.has(name)) known.set(name, value);
    if (known.size > 0) queries.set(path, known);
  };
  let pages = 0;
  while (queue.length > 0 && pages < maxPages) {
    const url = queue.shift()!;
    url.hash = "";
    const pattern = `${pathPattern(url.pathname)}${url.search ? "?" : ""}`;
    if (seen.has(url.href) || SKIPPED.test(url.pathname + url.search) || (perPattern.get(pattern) ?? 0) >= MAX_PAGES_PER_PATTERN) continue;
    seen.add(url.href);
    perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
    const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
    if (!response.headers.get("content-type")?.includes("text/html")) continue;
    pages += 1;
    const html = await response.text();
    onPage?.(url.pathname + url.search, html);
    const page = readPage(url, html);
    for (const form of page.forms) {
      if (form.method === "GET") noteQuery(form.action, form.fields.flatMap((field) => (field.kind === "text" ? [[field.name, field.value] as [string, string]] : [])));
      else if (!forms.has(formKey(form))) forms.set(formKey(form), form);
    }
    for (const link of page.links) noteQuery(link.pathname, link.searchParams);
    queue.push(...page.links);
  }
  const queryTargets = [...queries].map(([path, params]): QueryTarget => ({ path, params: [...params] }));
  return { forms: [...forms.values()], queries: queryTargets, pages };
}
