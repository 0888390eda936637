import { Link, NavLink } from "@remix-run/react";
import { SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { useTranslator } from "~/modules/i18n/use-translator";
import { UNREAD_COUNT_CAP } from "~/modules/notifications/unread-count-cap";
import { LanguageSwitcher } from "./language-switcher";

export interface HeaderUser {
  name: string;
  /** Unread notifications, counted up to UNREAD_COUNT_CAP + 1. */
  unread: number;
  canAdminister: boolean;
  /** Curators get the review queue ("Kurasi"), regional editors their practice workspace. */
  workspace: "curation" | "workspace" | null;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useTranslator();
  const navLinkClass = ({ isActive }: { isActive: boolean }) =>
    `rounded px-3 py-2 text-white no-underline hover:bg-brand-700 hover:no-underline ${isActive ? "bg-brand-700 font-semibold" : ""}`;
  return (
    <header className="bg-brand-900 text-white print:hidden">
      <div className="h-1 bg-merah" aria-hidden="true" />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="flex items-baseline gap-2 text-white no-underline hover:no-underline">
          <span className="text-xl font-bold tracking-wide">{t("site.name")}</span>
          <span className="hidden text-sm text-brand-100 sm:inline">{t("site.fullName")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <form method="get" action="/cari" role="search" className="flex">
            <label htmlFor="header-search" className="sr-only">
              {t("search.headerLabel")}
            </label>
            <input
              id="header-search"
              type="search"
              name="q"
              maxLength={200}
              placeholder={t("search.headerLabel")}
              className="w-40 rounded-l-md border-0 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-600 sm:w-48"
            />
            <SubmitButton className="rounded-r-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600">
              {t("search.button")}
            </SubmitButton>
          </form>
          <nav aria-label={t("site.mainNav")}>
            <ul className="flex flex-wrap gap-1">
              <li>
                <NavLink to="/" end className={navLinkClass}>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/daerah" className={navLinkClass}>
                  {t("nav.regions")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/peringkat" className={navLinkClass}>
                  {t("nav.rankings")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/praktik" className={navLinkClass}>
                  {t("nav.practices")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/aplikasi" className={navLinkClass}>
                  {t("nav.applications")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/kunjungan" className={navLinkClass}>
                  {t("nav.visits")}
                </NavLink>
              </li>
              {user?.workspace ? (
                <li>
                  <NavLink to="/praktik/kelola" className={navLinkClass}>
                    {user.workspace === "curation" ? t("nav.curation") : t("nav.workspace")}
                  </NavLink>
                </li>
              ) : null}
              {user?.canAdminister ? (
                <li>
                  <NavLink to="/admin" className={navLinkClass}>
                    {t("nav.admin")}
                  </NavLink>
                </li>
              ) : null}
              {user ? (
                <li>
                  <NavLink
                    to="/kotak-masuk"
                    className={navLinkClass}
                    aria-label={user.unread > 0 ? t("nav.inboxUnread", { count: user.unread }) : undefined}
                  >
                    {t("nav.inbox")}
                    {user.unread > 0 ? (
                      <span aria-hidden="true" className="ml-1 rounded-full bg-merah px-1.5 py-0.5 text-xs font-bold text-white" data-testid="unread-count">
                        {user.unread > UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP}+` : user.unread}
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ) : null}
              <li>
                {user ? (
                  <NavLink to="/akun" className={navLinkClass} title={t("auth.signedInAs", { name: user.name })}>
                    {t("nav.account")}
                  </NavLink>
                ) : (
                  <NavLink to="/masuk" className={navLinkClass}>
                    {t("nav.signIn")}
                  </NavLink>
                )}
              </li>
              {user ? (
                <li>
                  <SubmitForm method="post" action="/keluar">
                    <SubmitButton className="rounded px-3 py-2 text-white hover:bg-brand-700">
                      {t("nav.signOut")}
                    </SubmitButton>
                  </SubmitForm>
                </li>
              ) : null}
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
