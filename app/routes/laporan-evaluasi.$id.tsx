import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { readEvaluationReport } from "~/modules/benchmark/level-submissions.server";

/**
 * A region's evaluation report (PDF) behind its reported levels, for whoever may read it. It is
 * always downloaded, never opened as our origin, so nothing inside it runs with the session.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id && /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
  const report = id === null ? null : await readEvaluationReport(id, await currentUser(request, context));
  if (!report) throw new Response(null, { status: 404 });
  return new Response(Buffer.from(report.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(report.bytes.byteLength),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(report.fileName)}`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=300",
    },
  });
}
