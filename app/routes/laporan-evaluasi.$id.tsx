import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { readEvaluationReport } from "~/modules/benchmark/level-submissions.server";
import { fileResponse } from "~/modules/files/file-response.server";

/** A region's evaluation report (PDF) behind its reported levels, for whoever may read it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id && /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
  const report = id === null ? null : await readEvaluationReport(id, await currentUser(request, context));
  if (!report) throw new Response(null, { status: 404 });
  return fileResponse({ bytes: report.bytes, contentType: "application/pdf", fileName: report.fileName, inline: false });
}
