import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { inputClass, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { AUDIT_PAGE_SIZE, listAuditActions, searchAuditLog } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { requestQuery } from "~/modules/http/request-input";
import { isoDate, oneOf, readPage, readParam, searchString, textUpTo } from "~/modules/http/url-query";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "audit.read" });
  const params = requestQuery(request);
  const actions = await listAuditActions();
  const filters = {
    action: readParam(params, "aksi", oneOf(actions)) ?? "",
    actorEmail: readParam(params, "pelaku", textUpTo(254)) ?? "",
    from: readParam(params, "dari", isoDate()),
    until: readParam(params, "sampai", isoDate()),
    page: readPage(params, 100_000),
  };
  const untilExclusive = filters.until ? new Date(`${filters.until}T00:00:00Z`) : null;
  untilExclusive?.setUTCDate(untilExclusive.getUTCDate() + 1);
  const result = await searchAuditLog({
    ...filters,
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : null,
    until: untilExclusive,
  });
  return { title: (await translatorForRequest(request)).t("admin.auditTitle"), actions, filters, ...result };
}

function describeChange(before: unknown, after: unknown): string {
  const show = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));
  return [show(before), show(after)].filter(Boolean).join(" → ");
}

export default function AuditLog() {
  const { actions, filters, total, rows } = useLoaderData<typeof loader>();
  const { t, formatDateTime } = useWorkspaceTranslator();
  const pageLink = (page: number) =>
    `/admin/audit${searchString({ aksi: filters.action, pelaku: filters.actorEmail, dari: filters.from, sampai: filters.until, hal: page })}`;
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("admin.auditTitle")}</h1>
      <SubmitForm method="get" className="mt-4 grid items-end gap-3 sm:grid-cols-5">
        <label className="block text-sm font-medium">
          {t("admin.auditAction")}
          <select name="aksi" defaultValue={filters.action} className={inputClass}>
            <option value="">{t("admin.allActions")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("admin.auditActor")}
          <input name="pelaku" defaultValue={filters.actorEmail} className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          {t("admin.auditFrom")}
          <input type="date" name="dari" defaultValue={filters.from ?? ""} className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          {t("admin.auditUntil")}
          <input type="date" name="sampai" defaultValue={filters.until ?? ""} className={inputClass} />
        </label>
        <div>
          <SubmitButton>{t("admin.filter")}</SubmitButton>
        </div>
      </SubmitForm>
      {rows.length === 0 ? (
        <p className="mt-4 text-slate-700">{t("admin.none")}</p>
      ) : (
        <DataTable
          className="mt-4"
          density="compact"
          rows={rows}
          rowKey={(row) => row.id}
          rowClassName={() => "align-top"}
          columns={[
            { id: "at", header: t("admin.auditAt"), cell: (row) => formatDateTime(row.at), cellClassName: "whitespace-nowrap" },
            { id: "actor", header: t("admin.auditActor"), cell: (row) => row.actorEmail ?? t("admin.system"), cellClassName: "break-all" },
            { id: "action", header: t("admin.auditAction"), cell: (row) => row.action, cellClassName: "font-mono text-xs" },
            { id: "target", header: t("admin.auditTarget"), cell: (row) => (row.targetType ? `${row.targetType} #${row.targetId}` : "—") },
            { id: "change", header: t("admin.auditChange"), cell: (row) => describeChange(row.before, row.after), cellClassName: "max-w-md font-mono text-xs break-all" },
            { id: "ip", header: "IP", cell: (row) => row.ip, cellClassName: "font-mono text-xs" },
          ]}
        />
      )}
      <nav aria-label={t("directory.pagination")} className="mt-4 flex justify-between">
        {filters.page > 1 ? <Link to={pageLink(filters.page - 1)}>← {t("admin.previous")}</Link> : <span />}
        {filters.page * AUDIT_PAGE_SIZE < total ? <Link to={pageLink(filters.page + 1)}>{t("admin.next")} →</Link> : <span />}
      </nav>
    </div>
  );
}
