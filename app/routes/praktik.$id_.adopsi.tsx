import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RegionSelect } from "~/components/region-select";
import { Alert, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { TextField } from "~/components/ui/form";
import { Panel } from "~/components/ui/panel";
import type { FieldErrors } from "~/modules/forms/form-data";
import { parseForm } from "~/modules/forms/form-schemas.server";
import { readFormToken } from "~/modules/forms/form-token";
import { translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { adoptionFormSchema } from "~/modules/practices/adoption-form.server";
import { getAdoptedFrom, recordAdoption, removeAdoption } from "~/modules/practices/adoptions.server";
import { getRegionPracticeOverview } from "~/modules/practices/practice-list.server";
import { getRevision, requirePracticeWriter } from "~/modules/practices/index.server";
import { listRegionsByProvince, REGION_CODE_PATTERN } from "~/modules/regions/regions.server";
import { validationMessage } from "~/modules/forms/validation-message";
import { readForm, requestQuery } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

/**
 * "Adopted from": pick the source region (?daerah=, a plain GET so it works without
 * JavaScript), then one of its published practices, or none when it is not on the platform.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { practice } = await requirePracticeWriter(request, context, params.id);
  const [revision, adoptedFrom, regionGroups, { t }] = await Promise.all([
    getRevision(practice.latestRevisionId),
    getAdoptedFrom(practice.id),
    listRegionsByProvince(),
    translatorForRequest(request),
  ]);
  const requested = requestQuery(request).get("daerah") ?? "";
  const sourceRegionCode = REGION_CODE_PATTERN.test(requested) ? requested : (adoptedFrom?.sourceRegionCode ?? "");
  const candidates = sourceRegionCode ? (await getRegionPracticeOverview(sourceRegionCode)).practices : [];
  return {
    title: t("adoption.pageTitle"),
    practice: { id: practice.id, title: revision?.title ?? "", regionCode: practice.regionCode },
    adoptedFrom,
    regionGroups,
    sourceRegionCode,
    candidates: candidates.map((candidate) => ({ id: candidate.id, title: candidate.title })),
  };
}

type ActionResult = { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { practice, user } = await requirePracticeWriter(request, context, params.id);
  await requireWithinLimit(context, "adoption", user.id);
  const form = await readForm(request);
  const parsed = parseForm(adoptionFormSchema, form);
  if (!parsed.ok) return data(parsed satisfies ActionResult, { status: 400 });
  if (parsed.data.intent === "remove") {
    await removeAdoption({ adopterPracticeId: practice.id, actorId: user.id, ip: context.clientIp });
    return redirect(`/praktik/${practice.id}#adopsi-heading`);
  }
  const { sourceRegionCode, sourcePracticeId, note } = parsed.data;
  const recorded = await recordAdoption({ adopterPracticeId: practice.id, sourcePracticeId, sourceRegionCode, note, actorId: user.id, ip: context.clientIp, formToken: readFormToken(form) });
  if (!recorded.ok) {
    const values = { sourceRegionCode, sourcePracticeId: String(sourcePracticeId ?? ""), note };
    return data({ ok: false, errors: recorded.errors, values } satisfies ActionResult, { status: 400 });
  }
  return redirect(`/praktik/${practice.id}#adopsi-heading`);
}

export default function RecordAdoption() {
  const { practice, adoptedFrom, regionGroups, sourceRegionCode, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const translator = useWorkspaceTranslator();
  const { t } = translator;
  const errors = result?.errors ?? {};
  const chosenPractice = result?.values.sourcePracticeId ?? String(adoptedFrom?.sourcePracticeId ?? "");
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to={`/praktik/${practice.id}`}>← {practice.title}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("adoption.pageTitle")}</h1>
        <p className="mt-1 text-slate-700">{t("adoption.lead")}</p>
      </div>
      {adoptedFrom ? (
        <Alert tone="info">
          {t("adoption.current", { region: adoptedFrom.sourceRegionName })}
          {adoptedFrom.sourceTitle ? ` — ${adoptedFrom.sourceTitle}` : null}
        </Alert>
      ) : null}
      {errors.form ? <Alert tone="error">{validationMessage(translator, errors.form)}</Alert> : null}
      <Panel id="source-region" title={t("adoption.step1")}>
        <SubmitForm method="get" className="mt-3 space-y-3">
          <RegionSelect
            name="daerah"
            label={t("adoption.sourceRegion")}
            emptyLabel={t("practiceForm.chooseRegion")}
            groups={regionGroups}
            defaultValue={sourceRegionCode}
          />
          <SubmitButton tone="secondary">{t("adoption.showPractices")}</SubmitButton>
        </SubmitForm>
      </Panel>
      {sourceRegionCode ? (
        <Panel id="source-practice" title={t("adoption.step2")}>
          <SubmitForm method="post" className="mt-3 space-y-4">
            <input type="hidden" name="intent" value="record" />
            <input type="hidden" name="sourceRegionCode" value={sourceRegionCode} />
            {errors.sourceRegionCode ? <Alert tone="error">{validationMessage(translator, errors.sourceRegionCode)}</Alert> : null}
            <fieldset>
              <legend className="text-sm font-medium">{t("adoption.sourcePractice")}</legend>
              {errors.sourcePracticeId ? (
                <p className="mt-1 text-sm font-medium text-red-700">{validationMessage(translator, errors.sourcePracticeId)}</p>
              ) : null}
              <ul className="mt-2 space-y-2">
                {candidates
                  .filter((candidate) => candidate.id !== practice.id)
                  .map((candidate) => (
                    <li key={candidate.id}>
                      <label className="flex items-start gap-2">
                        <input type="radio" name="sourcePracticeId" value={candidate.id} defaultChecked={chosenPractice === String(candidate.id)} className="mt-1" />
                        {candidate.title}
                      </label>
                    </li>
                  ))}
                <li>
                  <label className="flex items-start gap-2">
                    <input type="radio" name="sourcePracticeId" value="" defaultChecked={chosenPractice === ""} className="mt-1" />
                    {t("adoption.regionOnly")}
                  </label>
                </li>
              </ul>
            </fieldset>
            <TextField name="note" label={t("adoption.note")} hint={t("adoption.noteHint")} defaultValue={result?.values.note ?? adoptedFrom?.note ?? ""} error={errors.note} />
            <SubmitButton>{t("adoption.save")}</SubmitButton>
          </SubmitForm>
        </Panel>
      ) : null}
      {adoptedFrom ? (
        <SubmitForm method="post">
          <input type="hidden" name="intent" value="remove" />
          <SubmitButton tone="danger">{t("adoption.remove")}</SubmitButton>
        </SubmitForm>
      ) : null}
    </div>
  );
}
