import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { serializeLocaleCookie } from "~/modules/i18n/locale.server";
import { isLocale } from "~/modules/i18n/locales";
import { safeRedirectPath } from "~/modules/http/safe-redirect";
import { readForm } from "~/modules/http/request-input";

/** Sets the UI language cookie and returns to the page the switch was pressed on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  const target = safeRedirectPath(form.get("redirectTo"));
  if (!isLocale(lang)) return redirect(target);
  return redirect(target, { headers: { "Set-Cookie": await serializeLocaleCookie(lang) } });
}

export function loader() {
  return redirect("/");
}
