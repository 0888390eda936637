/**
 * Upload progress for forms that send files (decision 0027). A route exports
 * `clientAction = uploadWithProgress`; with JavaScript, its form's post then goes through
 * XMLHttpRequest (fetch reports no upload progress) to the same single-fetch endpoint Remix
 * would use, and the answer is decoded as Remix does, so action data, redirects and revalidation
 * work as before. `<UploadProgress />` inside the SubmitForm shows the percentage while that form
 * sends. Without JavaScript the form posts as a plain form and none of this runs.
 */
import { type ClientActionFunctionArgs, redirect } from "@remix-run/react";
import { useId, useSyncExternalStore } from "react";
import { decode } from "turbo-stream";
import { useFormPending } from "~/components/ui/form-base";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

/** The one upload in flight (a page sends one navigation at a time): percent sent, or failed. */
type UploadState = { percent: number; failed: false } | { percent: null; failed: true } | null;

let state: UploadState = null;
const listeners = new Set<() => void>();

function setState(next: UploadState) {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where Remix's single fetch posts an action: the path with `.data` (`/` is `/_root.data`), same query. */
function singleFetchUrl(url: string): string {
  const target = new URL(url);
  target.pathname = target.pathname === "/" ? "/_root.data" : `${target.pathname.replace(/\/$/, "")}.data`;
  return target.toString();
}

function post(url: string, body: FormData, signal: AbortSignal): Promise<{ status: number; body: ArrayBuffer }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "arraybuffer";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) setState({ percent: Math.floor((event.loaded / event.total) * 100), failed: false });
    };
    request.onload = () => resolve({ status: request.status, body: request.response as ArrayBuffer });
    request.onerror = () => reject(new TypeError("upload failed"));
    request.onabort = () => reject(signal.reason);
    signal.addEventListener("abort", () => request.abort());
    request.send(body);
  });
}

/** What the server's single-fetch action answer holds (see @remix-run/server-runtime's singleFetchAction). */
type SingleFetchResult = { data: unknown } | { error: unknown } | { redirect: string; status: number; revalidate: boolean; reload: boolean; replace: boolean };

/** Decodes the turbo-stream answer with the types Remix's server encodes besides plain values. */
async function decodeResult(body: ArrayBuffer): Promise<SingleFetchResult> {
  const decoded = await decode(new Response(body).body!, {
    plugins: [
      (type: string, ...values: unknown[]) => {
        if (type === "SanitizedError") return { value: new Error(String(values[1])) };
        if (type === "ErrorResponse") return { value: { status: values[1] } };
        if (type === "SingleFetchClassInstance") return { value: values[0] };
        if (type === "SingleFetchFallback") return { value: undefined };
        return undefined;
      },
    ],
  });
  await decoded.done;
  return decoded.value as SingleFetchResult;
}

export async function uploadWithProgress({ request, serverAction }: ClientActionFunctionArgs) {
  const form = await request.clone().formData();
  // A post without a file (e.g. "remove") has nothing to show progress for.
  if (![...form.values()].some((value) => value instanceof File && value.size > 0)) return serverAction();
  setState({ percent: 0, failed: false });
  let answer: { status: number; body: ArrayBuffer };
  try {
    answer = await post(singleFetchUrl(request.url), form, request.signal);
  } catch (error) {
    if (request.signal.aborted) throw error;
    // The connection dropped: the form keeps its input and says so. A response's status (unlike
    // a returned value, which Remix's single fetch wraps itself) reaches the router, so a 503
    // reruns no loader.
    setState({ percent: null, failed: true });
    return Response.json(null, { status: 503 });
  }
  setState(null);
  const result = await decodeResult(answer.body);
  if ("redirect" in result) {
    const headers: Record<string, string> = {};
    if (result.revalidate) headers["X-Remix-Revalidate"] = "yes";
    if (result.reload) headers["X-Remix-Reload-Document"] = "yes";
    if (result.replace) headers["X-Remix-Replace"] = "yes";
    throw redirect(result.redirect, { status: result.status, headers });
  }
  if ("error" in result) throw new Response(null, { status: answer.status });
  // Returned as is: Remix wraps a clientAction's value in data() itself.
  return result.data;
}

/**
 * While its SubmitForm sends a file: a labelled progress bar with the percentage, announced
 * politely; after a dropped connection, an alert. Renders nothing otherwise.
 */
export function UploadProgress() {
  const { t } = useExtraTranslator();
  const pending = useFormPending();
  const upload = useSyncExternalStore(subscribe, () => state, () => null);
  const id = useId();
  if (upload?.failed) return <p role="alert" className="text-sm font-medium text-red-700">{t("formSubmit.uploadFailed")}</p>;
  if (!pending || !upload) return null;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("formSubmit.uploading")}
      </label>
      <progress id={id} max={100} value={upload.percent} className="h-2 w-full max-w-md accent-brand-700" />
      {/* Announced in steps of 10 so a screen reader is not read every percent. */}
      <p role="status" className="text-sm text-slate-700">
        {Math.floor(upload.percent / 10) * 10}%
      </p>
    </div>
  );
}
