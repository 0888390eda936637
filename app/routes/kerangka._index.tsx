import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FrameworkStatus, useFrameworkYears } from "~/components/frameworks/framework-switch";
import { listFrameworks } from "~/modules/frameworks/index.server";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/** Anyone: the frameworks the site's indices are computed with, each linking to its structure and history. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [frameworks, { t }] = await Promise.all([listFrameworks(), translatorForRequest(request)]);
  return { title: t("frameworkPage.listTitle"), frameworks };
}

export default function Frameworks() {
  const { frameworks } = useLoaderData<typeof loader>();
  const { t } = useExtraTranslator();
  const yearsOf = useFrameworkYears();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("frameworkPage.listTitle")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("frameworkPage.listLead")}</p>
      <ul className="mt-6 space-y-4">
        {frameworks.map((framework) => {
          const years = yearsOf(framework);
          return (
            <li key={framework.slug} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-bold">
                <Link to={`/kerangka/${framework.slug}`}>{framework.shortName}</Link>
              </h2>
              <p className="text-sm text-slate-700">
                {framework.name}
                {years ? ` · ${t("frameworkPage.years")}: ${years}` : null}
              </p>
              <div className="mt-2">
                <FrameworkStatus framework={framework} />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
