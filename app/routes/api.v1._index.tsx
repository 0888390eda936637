import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { apiReference } from "~/modules/api/reference.server";
import { pageMeta } from "~/modules/http/page-meta";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Anyone: the API's reference, read from the generated OpenAPI document. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorForRequest(request);
  return { title: t("apiReference.title"), ...apiReference() };
}

export default function ApiReference() {
  const { endpoints, schemas, version } = useLoaderData<typeof loader>();
  const { t } = useExtraTranslator();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">
        {t("apiReference.title")} <span className="text-base font-normal text-slate-600">v{version}</span>
      </h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("apiReference.lead")}</p>
      <p className="mt-3">
        <a href="/api/v1/openapi.json" className="font-semibold">
          {t("apiReference.document")}
        </a>{" "}
        <span className="text-sm text-slate-600">{t("apiReference.documentNote")}</span>
      </p>
      <h2 className="mt-8 text-xl font-bold">{t("apiReference.conventions")}</h2>
      <ul className="mt-2 max-w-3xl list-disc space-y-1 pl-5 text-slate-700">
        <li>{t("apiReference.conventionParams")}</li>
        <li>{t("apiReference.conventionKinds")}</li>
        {/* The anchors are the problem types' URLs (type: …/api/v1#invalid-parameter). */}
        <li id="invalid-parameter">{t("apiReference.conventionErrors")}</li>
        <li>{t("apiReference.conventionCache")}</li>
      </ul>
      <h2 className="mt-8 text-xl font-bold">{t("apiReference.endpoints")}</h2>
      {endpoints.map((endpoint) => (
        <section key={endpoint.id} id={endpoint.id} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-mono text-lg font-bold">{`GET ${endpoint.path}`}</h3>
          <p className="mt-1 font-semibold">{endpoint.summary}</p>
          <p className="mt-1 text-slate-700">{endpoint.description}</p>
          {endpoint.parameters.length > 0 ? (
            <DataTable
              className="mt-3"
              density="compact"
              caption={`${t("apiReference.parameters")}: ${endpoint.path}`}
              rows={endpoint.parameters}
              rowKey={(parameter) => `${parameter.in}:${parameter.name}`}
              columns={[
                { id: "name", header: t("apiReference.parameter"), cell: (parameter) => <code>{parameter.name}</code>, rowHeader: true },
                { id: "in", header: t("apiReference.location"), cell: (parameter) => parameter.in },
                { id: "type", header: t("apiReference.type"), cell: (parameter) => <code className="break-all">{parameter.type}</code> },
                { id: "required", header: t("apiReference.required"), cell: (parameter) => (parameter.required ? t("apiReference.yes") : "") },
                { id: "description", header: t("apiReference.description"), cell: (parameter) => parameter.description },
              ]}
            />
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("apiReference.noParameters")}</p>
          )}
          <p className="mt-3 text-sm">
            {t("apiReference.answer")}: <a href={`#schema-${endpoint.answer}`} className="underline">
              {endpoint.answer}
            </a>
          </p>
        </section>
      ))}
      <h2 className="mt-8 text-xl font-bold">{t("apiReference.schemas")}</h2>
      {schemas.map((schema) => (
        <section key={schema.name} id={`schema-${schema.name}`} className="mt-6">
          <h3 className="font-mono text-lg font-bold">{schema.name}</h3>
          {schema.description ? <p className="mt-1 text-slate-700">{schema.description}</p> : null}
          {schema.type ? <code className="mt-1 block break-all text-sm">{schema.type}</code> : null}
          {schema.fields.length > 0 ? (
            <DataTable
              className="mt-2"
              density="dense"
              caption={schema.name}
              rows={schema.fields}
              rowKey={(field) => field.name}
              columns={[
                { id: "name", header: t("apiReference.field"), cell: (field) => <code>{field.name}</code>, rowHeader: true },
                { id: "type", header: t("apiReference.type"), cell: (field) => <code className="break-all">{field.type}</code> },
                { id: "required", header: t("apiReference.required"), cell: (field) => (field.required ? t("apiReference.yes") : "") },
              ]}
            />
          ) : null}
        </section>
      ))}
    </div>
  );
}
