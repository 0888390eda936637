/** Who may reach a practice's pages: the practice in the URL, and the viewer's right to see or change it. */
import type { AppLoadContext } from "@remix-run/node";
import { requirePermission, requireUser } from "../auth/index.server";
import { can, type Actor } from "../auth";
import { getPracticeHeader, type PracticeHeader } from "./practice-queries.server";

/** The practice named in a URL (`/praktik/:id`), or a 404 response. */
export async function practiceFromParams(id: string | undefined): Promise<PracticeHeader> {
  const practice = id && /^\d{1,9}$/.test(id) ? await getPracticeHeader(Number(id)) : null;
  if (!practice) throw new Response(null, { status: 404 });
  return practice;
}

/**
 * The practice in the URL for a signed-in viewer who may see its unpublished revisions (its
 * region's editors, curators, admins); otherwise the sign-in redirect or 403.
 */
export async function requireWorkingCopy(request: Request, context: AppLoadContext, id: string | undefined) {
  const practice = await practiceFromParams(id);
  const user = await requireUser(request, context);
  if (!canSeeWorkingCopy(user, practice)) throw new Response(null, { status: 403 });
  return { practice, user };
}

/** The practice in the URL for one of its writers (its region's editors, curators, admins). */
export async function requirePracticeWriter(request: Request, context: AppLoadContext, id: string | undefined) {
  const practice = await practiceFromParams(id);
  const user = await requirePermission(request, context, { action: "practice.write", regionCode: practice.regionCode });
  return { practice, user };
}

/** May this viewer see the practice's unpublished revisions and its review conversation? */
export function canSeeWorkingCopy(actor: Actor | null, practice: { regionCode: string }): boolean {
  return can(actor, { action: "practice.write", regionCode: practice.regionCode }) || can(actor, { action: "practice.review" });
}
