import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { currentUser } from "~/modules/auth/guards.server";
import { serializeLocaleCookie } from "~/modules/i18n/locale.server";
import { setEmailLanguage } from "~/modules/notifications/preferences.server";
import { isLocale } from "~/modules/i18n/locales";
import { safeRedirectPath } from "~/modules/http/safe-redirect";
import { readForm } from "~/modules/http/request-input";

/** Sets the UI language cookie and returns to the page the switch was pressed on. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  const target = safeRedirectPath(form.get("redirectTo"));
  if (!isLocale(lang)) return redirect(target);
  // A signed-in user's emails follow the language they chose.
  const user = await currentUser(request, context);
  if (user) await setEmailLanguage(user.id, lang);
  return redirect(target, { headers: { "Set-Cookie": await serializeLocaleCookie(lang) } });
}

export function loader() {
  return redirect("/");
}
