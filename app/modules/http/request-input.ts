import { withoutControlCharacters } from "../forms/form-data";

const FORM_CONTENT_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
/** Room for the other fields and part headers around one file of the maximum size. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * The submitted form, as every action reads it: a body of another type is answered 415 and one
 * that cannot be parsed 400 (thrown, so no action handles either), and control characters are
 * removed from names and text values. The HTTP server has already capped the body's size
 * (scripts/lib/http-server.ts), so parsing it in memory is bounded.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_CONTENT_TYPES.has(type)) throw new Response(null, { status: 415 });
  let submitted: FormData;
  try {
    submitted = await request.formData();
  } catch {
    throw new Response(null, { status: 400 });
  }
  const form = new FormData();
  for (const [name, value] of submitted) {
    form.append(withoutControlCharacters(name), typeof value === "string" ? withoutControlCharacters(value) : value);
  }
  return form;
}

/**
 * A form that carries files, or null when the declared body or any file is larger than
 * `maxFileBytes`, so the route can say so. The declared length is checked before anything is
 * read: a body abandoned halfway resets the connection, and the browser would show that instead.
 */
export async function readUploadForm(request: Request, maxFileBytes: number): Promise<FormData | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxFileBytes + MULTIPART_OVERHEAD_BYTES) return null;
  const form = await readForm(request);
  for (const [, value] of form) {
    if (typeof value !== "string" && value.size > maxFileBytes) return null;
  }
  return form;
}

/** The request's query parameters, without control characters (see readForm). */
export function requestQuery(request: Request): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of new URL(request.url).searchParams) query.append(withoutControlCharacters(name), withoutControlCharacters(value));
  return query;
}
