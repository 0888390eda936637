import { Link } from "@remix-run/react";
import { useTranslator } from "~/modules/i18n/use-translator";

export function SiteFooter() {
  const { t } = useTranslator();
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm text-slate-600">
        <p className="font-semibold text-slate-800">{t("site.fullName")}</p>
        <p>{t("site.footerAbout")}</p>
        <p>{t("site.footerData")}</p>
        <p>
          <Link to="/kerangka">{t("frameworkPage.footerLink")}</Link> · <Link to="/data">{t("site.openData")}</Link>
        </p>
      </div>
    </footer>
  );
}
