import { useLocation } from "@remix-run/react";
import { SubmitForm } from "~/components/ui/form-base";
import { locales } from "~/modules/i18n/locales";
import { useTranslator } from "~/modules/i18n/use-translator";

/**
 * A plain form post, so switching works without JavaScript too. It reloads the whole document:
 * the browser holds only the current language's messages (entry.client.tsx).
 */
export function LanguageSwitcher() {
  const { t, locale } = useTranslator();
  const location = useLocation();
  return (
    <SubmitForm method="post" action="/bahasa" reloadDocument className="flex items-center gap-1 text-sm">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <span className="sr-only">{t("language.label")}</span>
      {locales.map((option) =>
        option === locale ? (
          <span
            key={option}
            aria-current="true"
            lang={option}
            title={t(`language.${option}`)}
            className="rounded bg-white px-2 py-1 font-semibold text-brand-900 uppercase"
          >
            {option}
          </span>
        ) : (
          <button
            key={option}
            type="submit"
            name="lang"
            value={option}
            lang={option}
            aria-label={t("language.switchTo", { language: t(`language.${option}`) })}
            className="rounded px-2 py-1 font-semibold text-white uppercase hover:bg-brand-700"
          >
            {option}
          </button>
        ),
      )}
    </SubmitForm>
  );
}
