import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { parseRecordNumber } from "~/modules/forms/form-data";
import { appUrl } from "~/modules/http/app-url.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { downloadHeaders } from "~/modules/spreadsheets/export.server";
import { isPublicVisit } from "~/modules/visits";
import { getVisit, visitCalendar } from "~/modules/visits/index.server";

/** An accepted, completed, cancelled or withdrawn-once-agreed visit as an .ics file for a calendar (a cancelled or withdrawn one removes it): no contact, only dates, regions and practices. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = parseRecordNumber(params.id ?? null);
  const visit = id === null ? null : await getVisit(id, await currentUser(request, context));
  if (!visit || !isPublicVisit(visit)) throw new Response(null, { status: 404 });
  const { t } = await translatorForRequest(request);
  const calendar = visitCalendar(visit, appUrl(request, `/kunjungan/${visit.id}`), t);
  return new Response(calendar, { headers: downloadHeaders(`studi-tiru-${visit.id}.ics`, "text/calendar; charset=utf-8") });
}
