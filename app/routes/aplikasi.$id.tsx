import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { type DecisionFormResult, RequestList } from "~/components/applications/request-list";
import { Badge } from "~/components/ui/badge";
import { Alert } from "~/components/ui/form-base";
import { parseDecisionForm } from "~/modules/applications/application-form.server";
import { applicationFromParams, listApplicationUses, listSupportedPractices } from "~/modules/applications/catalog.server";
import { decideRequest, listRequests } from "~/modules/applications/requests.server";
import { currentUser, requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { echoValues } from "~/modules/forms/form-data";
import { readFormToken } from "~/modules/forms/form-token";
import { getFrameworkTree, SPBE_2020 } from "~/modules/frameworks/index.server";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.application.name });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const application = await applicationFromParams(params.id);
  const user = await currentUser(request, context);
  const [tree, practices, uses, requests] = await Promise.all([
    getFrameworkTree(SPBE_2020),
    listSupportedPractices(application.id),
    listApplicationUses({ applicationId: application.id }),
    user ? listRequests(user, { applicationId: application.id }) : [],
  ]);
  const query = requestQuery(request);
  return {
    application: {
      ...application,
      indicators: application.indicatorIds.flatMap((id) => {
        const indicator = tree.indicatorsById.get(id);
        return indicator ? [{ number: indicator.number, name: indicator.name }] : [];
      }),
    },
    practices,
    uses,
    requests,
    viewer: {
      signedIn: user !== null,
      canEdit: can(user, { action: "application.write", regionCode: application.regionCode }),
      canRequest: can(user, { action: "application.request", ownerRegionCode: application.regionCode }),
      usesIt: uses.some((use) => use.regionCode === user?.regionCode),
    },
    notice: query.has("diminta") ? ("sent" as const) : query.has("diputuskan") ? ("decided" as const) : query.has("disimpan") ? ("saved" as const) : null,
  };
}

/** The owner region's editors approve or decline a request (decideRequest checks who may). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const application = await applicationFromParams(params.id);
  const user = await requireUser(request, context);
  await requireWithinLimit(context, "application", user.id);
  const form = await readForm(request);
  const parsed = parseDecisionForm(form);
  const requestId = Number(form.get("requestId")) || 0;
  if (!parsed.ok) return data({ ok: false, requestId, errors: parsed.errors, values: parsed.values } satisfies DecisionFormResult, { status: 400 });
  const decided = await decideRequest({ applicationId: application.id, decision: parsed.data, actor: user, ip: context.clientIp, formToken: readFormToken(form) });
  if (!decided.ok) {
    const status = decided.errors.form?.code === "applicationNotAllowed" ? 403 : 409;
    return data({ ok: false, requestId, errors: decided.errors, values: echoValues(form) } satisfies DecisionFormResult, { status });
  }
  return redirect(`/aplikasi/${application.id}?diputuskan=1#permintaan`);
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

export default function ApplicationPage() {
  const { application, practices, uses, requests, viewer, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as DecisionFormResult | undefined;
  const { t } = useWorkspaceTranslator();
  const notStated = <span className="text-slate-600">{t("appCatalog.notStated")}</span>;
  const link = (url: string | null) =>
    url ? (
      <a href={url} rel="noopener noreferrer nofollow external" className="break-all">
        {url}
      </a>
    ) : (
      notStated
    );
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to="/aplikasi">← {t("appCatalog.title")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{application.name}</h1>
        <div className="mt-2 flex flex-wrap gap-2">
          <Badge tone="brand">{t(`appCatalog.functions.${application.function}`)}</Badge>
          <Badge>{t(`appCatalog.terms.${application.terms}`)}</Badge>
        </div>
        {application.compiledFromPublicSources ? <p className="mt-2 text-sm text-slate-600">{t("appCatalog.compiled")}</p> : null}
        {viewer.canEdit ? (
          <p className="mt-3">
            <Link to={`/aplikasi/${application.id}/ubah`}>{t("appCatalog.edit")}</Link>
          </p>
        ) : null}
      </div>
      {notice ? <Alert tone="success">{t(notice === "sent" ? "appCatalog.sent" : notice === "decided" ? "appCatalog.decided" : "appCatalog.saved")}</Alert> : null}

      <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4">
        <Fact label={t("appCatalog.owner")}>
          <Link to={`/daerah/${application.regionCode}`}>{application.regionName}</Link>, {application.provinceName}
        </Fact>
        <Fact label={t("appCatalog.description")}>
          <p className="whitespace-pre-line break-words">{application.description}</p>
        </Fact>
        <Fact label={t("appCatalog.indicators")}>
          {application.indicators.length === 0 ? (
            notStated
          ) : (
            <ul className="space-y-1">
              {application.indicators.map((indicator) => (
                <li key={indicator.number}>
                  <Link to={`/indikator/${indicator.number}?kerangka=spbe-2020`}>
                    {indicator.number}. {indicator.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label={t("appCatalog.stack")}>{application.stack.length > 0 ? application.stack.join(", ") : notStated}</Fact>
        <Fact label={t("appCatalog.hosting")}>{application.hosting || notStated}</Fact>
        <Fact label={t("appCatalog.termsLabel")}>
          {t(`appCatalog.terms.${application.terms}`)}
          {application.licence ? ` — ${t("appCatalog.licence")}: ${application.licence}` : null}
          {application.termsNote ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{application.termsNote}</p> : null}
        </Fact>
        <Fact label={t("appCatalog.documentation")}>{link(application.documentationUrl)}</Fact>
        <Fact label={t("appCatalog.source")}>{link(application.sourceUrl)}</Fact>
      </dl>

      <section aria-labelledby="praktik-heading">
        <h2 id="praktik-heading" className="text-xl font-bold">
          {t("appCatalog.practices")}
        </h2>
        {practices.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("appCatalog.practicesNone")}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {practices.map((practice) => (
              <li key={practice.id}>
                <Link to={`/praktik/${practice.id}`}>{practice.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pengguna-heading">
        <h2 id="pengguna-heading" className="text-xl font-bold">
          {t("appCatalog.users")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("appCatalog.usersLead")}</p>
        {uses.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("appCatalog.usersNone")}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {uses.map((use) => (
              <li key={use.regionCode}>
                <Link to={`/daerah/${use.regionCode}`}>{use.regionName}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="permintaan" className="space-y-2">
        <h2 id="permintaan" className="text-xl font-bold">
          {t("appCatalog.requestsHeading")}
        </h2>
        {practices.length === 0 ? (
          <p className="text-sm text-slate-700">{t("appCatalog.noPracticeToRequest")}</p>
        ) : viewer.canRequest ? (
          <>
            {viewer.usesIt ? <p className="text-sm text-slate-700">{t("appCatalog.alreadyUses")}</p> : null}
            <p>
              <Link to={`/aplikasi/${application.id}/minta`} className="font-semibold">
                {t("appCatalog.request")}
              </Link>
            </p>
          </>
        ) : !viewer.signedIn ? (
          <p>
            <Link to={`/aplikasi/${application.id}/minta`}>{t("appCatalog.signInToRequest")}</Link>
          </p>
        ) : null}
        {viewer.signedIn ? <RequestList requests={requests} result={result} /> : null}
      </section>
    </div>
  );
}
