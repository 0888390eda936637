import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

/** Admin area frame: shows only the tabs the user may open; each page checks again itself. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return {
    tabs: {
      users: can(user, { action: "users.manage" }),
      invitations: can(user, { action: "invitations.manage" }),
      audit: can(user, { action: "audit.read" }),
    },
  };
}

export default function AdminLayout() {
  const { tabs } = useLoaderData<typeof loader>();
  const { t } = useWorkspaceTranslator();
  const tabClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-t-md px-4 py-2 no-underline hover:no-underline ${isActive ? "bg-white font-semibold text-brand-900 ring-1 ring-slate-200" : "text-brand-700"}`;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label={t("admin.nav")} className="border-b border-slate-200">
        <ul className="flex flex-wrap gap-1">
          {tabs.users ? (
            <li>
              <NavLink to="/admin/pengguna" className={tabClass}>
                {t("admin.usersTitle")}
              </NavLink>
            </li>
          ) : null}
          {tabs.invitations ? (
            <li>
              <NavLink to="/admin/undangan" className={tabClass}>
                {t("admin.invitationsTitle")}
              </NavLink>
            </li>
          ) : null}
          {tabs.audit ? (
            <li>
              <NavLink to="/admin/audit" className={tabClass}>
                {t("admin.auditTitle")}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="pt-6">
        <Outlet />
      </div>
    </div>
  );
}
