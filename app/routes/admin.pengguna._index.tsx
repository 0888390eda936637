import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { DataTable } from "~/components/ui/data-table";
import { inputClass, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { requirePermission } from "~/modules/auth/guards.server";
import { roles } from "~/modules/auth/roles";
import { searchUsers, USERS_PAGE_SIZE } from "~/modules/auth/users.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { requestQuery } from "~/modules/http/request-input";
import { oneOf, readPage, readParam, searchString, textUpTo } from "~/modules/http/url-query";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "users.manage" });
  const params = requestQuery(request);
  const query = {
    q: readParam(params, "q", textUpTo(100)) ?? "",
    role: readParam(params, "peran", oneOf(roles)),
    regionCode: readParam(params, "daerah", (raw) => (REGION_CODE_PATTERN.test(raw) ? raw : null)),
    page: readPage(params),
  };
  const result = await searchUsers(query);
  return { title: (await translatorForRequest(request)).t("admin.usersTitle"), query, ...result };
}

export default function AdminUsers() {
  const { query, total, rows } = useLoaderData<typeof loader>();
  const { t, formatNumber } = useWorkspaceTranslator();
  const pageLink = (page: number) => `/admin/pengguna${searchString({ q: query.q, peran: query.role, daerah: query.regionCode, hal: page })}`;
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("admin.usersTitle")}</h1>
      <SubmitForm method="get" role="search" className="mt-4 grid items-end gap-3 sm:grid-cols-4">
        <label className="block text-sm font-medium">
          {t("admin.search")}
          <input type="search" name="q" defaultValue={query.q} maxLength={100} className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          {t("admin.role")}
          <select name="peran" defaultValue={query.role ?? ""} className={inputClass}>
            <option value="">{t("admin.allRoles")}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("admin.regionCode")}
          <input name="daerah" defaultValue={query.regionCode ?? ""} placeholder="32.11" maxLength={5} className={inputClass} />
        </label>
        <div>
          <SubmitButton>{t("admin.filter")}</SubmitButton>
        </div>
      </SubmitForm>
      <p className="mt-4 text-sm text-slate-700" role="status">
        {t("admin.usersCount", { count: total, formattedCount: formatNumber(total) })}
      </p>
      {rows.length === 0 ? (
        <p className="mt-4 text-slate-700">{t("admin.none")}</p>
      ) : (
        <DataTable
          className="mt-2"
          rows={rows}
          rowKey={(user) => user.id}
          columns={[
            { id: "name", header: t("admin.name"), cell: (user) => <Link to={`/admin/pengguna/${user.id}`}>{user.name}</Link> },
            { id: "email", header: t("admin.email"), cell: (user) => user.email, cellClassName: "break-all" },
            { id: "role", header: t("admin.role"), cell: (user) => t(`roles.${user.role}`) },
            { id: "region", header: t("admin.region"), cell: (user) => user.regionName ?? "—" },
            {
              id: "status",
              header: t("admin.status"),
              cell: (user) => (
                <>
                  {user.active ? <Badge tone="success">{t("admin.active")}</Badge> : <Badge tone="danger">{t("admin.inactive")}</Badge>}
                  {!user.hasPassword ? <span className="ml-2 text-xs text-slate-600">{t("admin.noPassword")}</span> : null}
                </>
              ),
            },
          ]}
        />
      )}
      <nav aria-label={t("directory.pagination")} className="mt-4 flex justify-between">
        {query.page > 1 ? <Link to={pageLink(query.page - 1)}>← {t("admin.previous")}</Link> : <span />}
        {query.page * USERS_PAGE_SIZE < total ? <Link to={pageLink(query.page + 1)}>{t("admin.next")} →</Link> : <span />}
      </nav>
    </div>
  );
}
