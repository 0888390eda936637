import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { type ReactNode, useState } from "react";
import { frameworkEditMessage } from "~/components/frameworks/framework-edit-message";
import { groupLabel } from "~/components/frameworks/group-label";
import { DataTable } from "~/components/ui/data-table";
import { Alert, inputClass, SubmitButton, SubmitForm } from "~/components/ui/form-base";
import { Panel } from "~/components/ui/panel";
import { requirePermission } from "~/modules/auth/guards.server";
import { editFields, type EditProblem, type FrameworkGroup, frameworkGroupsOf, MAX_BANDS, parseFrameworkEdit } from "~/modules/frameworks";
import { getCuratedFramework, listFrameworkChanges, proposeFrameworkChange } from "~/modules/frameworks/index.server";
import type { FieldErrors } from "~/modules/forms/form-data";
import { readFormToken } from "~/modules/forms/form-token";
import { localeFromRequest, translatorForRequest } from "~/modules/i18n/locale.server";
import { pageMeta } from "~/modules/http/page-meta";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";
import { readForm } from "~/modules/http/request-input";
import { requireWithinLimit } from "~/modules/limits/rate-limits.server";
import { parseLocaleNumber } from "~/modules/numbers/locale-number";

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args, { title: args.data?.title });

async function requireFramework(slug: string | undefined) {
  const framework = slug && /^[a-z0-9-]{1,60}$/.test(slug) ? await getCuratedFramework(slug) : null;
  if (!framework) throw new Response(null, { status: 404 });
  return framework;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "framework.propose" });
  const framework = await requireFramework(params.slug);
  const [changes, { t }] = await Promise.all([listFrameworkChanges(framework.id), translatorForRequest(request)]);
  return { title: t("frameworkEditor.title", { name: framework.shortName }), framework, changes };
}

type ActionResult = { errors: FieldErrors; problems: EditProblem[]; values: Record<string, string> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, { action: "framework.propose" });
  await requireWithinLimit(context, "curation", user.id);
  const framework = await requireFramework(params.slug);
  const form = await readForm(request);
  const parsed = parseFrameworkEdit(form, framework, await localeFromRequest(request));
  if (!parsed.ok) return data({ errors: parsed.errors, problems: parsed.problems, values: parsed.values } satisfies ActionResult, { status: 400 });
  const id = await proposeFrameworkChange({ frameworkId: framework.id, baseVersion: parsed.baseVersion, proposed: parsed.proposed, reason: parsed.reason, actorId: user.id, ip: context.clientIp, formToken: readFormToken(form) });
  return redirect(`/kurasi/kerangka/${framework.slug}?diusulkan=${id}`);
}

export default function FrameworkEditor() {
  const { framework, changes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const translator = useWorkspaceTranslator();
  const { t, locale, formatNumber, formatDate } = translator;
  const writeNumber = (value: number, decimals = 3) => formatNumber(value, { maximumFractionDigits: decimals, useGrouping: false });
  const { definition, scale } = framework;
  const definedName = new Map(definition.nodes.map((node) => [node.id, node.name]));
  /** What a field shows: what was sent after a refused submit, else the current version's value. */
  const valueOf = (field: string, current: string) => (result ? (result.values[field] ?? "") : current);
  const messageOf = (field: string) => (result ? frameworkEditMessage(translator, result.errors, result.problems, field) : null);

  // The live sums are a convenience; the server checks the weights again.
  const [weights, setWeights] = useState(() =>
    Object.fromEntries(framework.nodes.filter((node) => node.kind === "indicator").map((node) => [node.id, valueOf(editFields.weight(node.id), writeNumber(node.weight))])),
  );
  const typed = (id: number) => {
    const parsed = parseLocaleNumber(weights[id] ?? "", locale);
    return parsed.ok ? parsed.value : 0;
  };
  const sumUnder = (group: FrameworkGroup): number => group.indicators.reduce((sum, indicator) => sum + typed(indicator.id), 0) + group.groups.reduce((sum, child) => sum + sumUnder(child), 0);
  const groups = frameworkGroupsOf(framework.nodes);
  const total = groups.reduce((sum, group) => sum + sumUnder(group), 0);
  const roundedTotal = Math.round(total * 1000) / 1000;

  const proposedId = searchParams.get("diusulkan");
  const postedBandRows = Object.keys(result?.values ?? {}).flatMap((key) => {
    const match = /^predikat_(?:nama|batas)_(\d+)$/.exec(key);
    return match ? [Number(match[1]) + 1] : [];
  });
  const bandRows = Math.min(MAX_BANDS, Math.max(definition.bands.length + 2, ...postedBandRows));
  const formProblem = messageOf(editFields.form);

  const renderGroup = (group: FrameworkGroup): ReactNode => (
    <fieldset key={group.id} className="mt-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 font-semibold">{groupLabel(translator, group)}</legend>
      <EditorInput field={editFields.name(group.id)} label={t("frameworkEditor.name", { label: t(`practiceForm.${group.kind}`, { number: group.number }) })} defaultValue={valueOf(editFields.name(group.id), definedName.get(group.id) ?? group.name)} message={messageOf(editFields.name(group.id))} />
      <p className="mt-2 text-sm text-slate-700" id={`${editFields.group(group.id)}-sum`}>
        {t("frameworkEditor.groupWeight", { weight: writeNumber(Math.round(sumUnder(group) * 1000) / 1000) })}
      </p>
      {messageOf(editFields.group(group.id)) ? <p className="mt-1 text-sm font-medium text-red-700">{messageOf(editFields.group(group.id))}</p> : null}
      {group.indicators.map((indicator) => {
        const label = t("frameworkPage.indicator", { number: indicator.number });
        return (
          <div key={indicator.id} className="mt-3 grid gap-3 sm:grid-cols-[1fr_10rem]">
            <EditorInput field={editFields.name(indicator.id)} label={t("frameworkEditor.name", { label })} defaultValue={valueOf(editFields.name(indicator.id), definedName.get(indicator.id) ?? indicator.name)} message={messageOf(editFields.name(indicator.id))} />
            <EditorInput
              field={editFields.weight(indicator.id)}
              label={t("frameworkEditor.weight", { label })}
              defaultValue={weights[indicator.id] ?? ""}
              message={messageOf(editFields.weight(indicator.id))}
              inputMode="decimal"
              onChange={(value) => setWeights((current) => ({ ...current, [indicator.id]: value }))}
            />
          </div>
        );
      })}
      {group.groups.map(renderGroup)}
    </fieldset>
  );

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <p className="text-sm">
          <Link to="/kurasi/kerangka">← {t("frameworkEditor.listTitle")}</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{t("frameworkEditor.title", { name: framework.shortName })}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("frameworkEditor.lead", { version: framework.version })}</p>
        <p className="mt-1 text-sm">
          <Link to={`/kerangka/${framework.slug}`}>{t("frameworkEditor.publicPage")}</Link>
        </p>
      </div>
      {proposedId && !result ? (
        <Alert tone="success">
          <Link to={`/kurasi/kerangka/${framework.slug}/perubahan/${proposedId}`}>{t("frameworkEditor.proposed", { id: proposedId })}</Link>
        </Alert>
      ) : null}
      {result ? (
        <Alert tone="error">
          <p>{t("frameworkEditor.hasErrors")}</p>
          {formProblem ? <p className="mt-1">{formProblem}</p> : null}
          {messageOf(editFields.total) ? <p className="mt-1">{messageOf(editFields.total)}</p> : null}
        </Alert>
      ) : null}

      <SubmitForm method="post" className="space-y-6">
        <input type="hidden" name={editFields.version} value={framework.version} />
        <Panel id="structure" title={t("frameworkEditor.structure")}>
          <p className="mt-1 text-sm text-slate-600">{t("frameworkEditor.structureHint")}</p>
          {groups.map(renderGroup)}
          <div className="sticky bottom-0 mt-4 border-t border-slate-200 bg-white py-3">
            <output id="total-weight" aria-live="polite" className={`font-semibold tabular-nums ${Math.abs(roundedTotal - 100) < 0.005 ? "text-emerald-800" : "text-red-700"}`}>
              {t("frameworkEditor.total", { total: writeNumber(roundedTotal) })}
            </output>
            {messageOf(editFields.total) ? <p className="mt-1 text-sm font-medium text-red-700">{messageOf(editFields.total)}</p> : null}
          </div>
        </Panel>

        <Panel id="levels" title={t("frameworkEditor.levels")}>
          {messageOf(editFields.levels) ? <p className="mt-1 text-sm font-medium text-red-700">{messageOf(editFields.levels)}</p> : null}
          <div className="mt-3 grid gap-3 sm:grid-cols-3">
            {definition.levels.map((level) => (
              <EditorInput key={level.level} field={editFields.level(level.level)} label={t("frameworkEditor.level", { level: level.level })} defaultValue={valueOf(editFields.level(level.level), level.name)} message={messageOf(editFields.level(level.level))} />
            ))}
          </div>
        </Panel>

        <Panel id="bands" title={t("frameworkEditor.bands")}>
          <p className="mt-1 text-sm text-slate-600">{t("frameworkEditor.bandsHint", { min: writeNumber(scale.min), max: writeNumber(scale.max) })}</p>
          {messageOf(editFields.bands) ? <p className="mt-1 text-sm font-medium text-red-700">{messageOf(editFields.bands)}</p> : null}
          {Array.from({ length: bandRows }, (_, row) => {
            const band = definition.bands[row];
            return (
              <div key={row} className="mt-3 grid gap-3 sm:grid-cols-2">
                <EditorInput field={editFields.bandName(row)} label={t("frameworkEditor.bandName", { row: row + 1 })} defaultValue={valueOf(editFields.bandName(row), band?.name ?? "")} message={messageOf(editFields.bandName(row))} />
                <EditorInput
                  field={editFields.bandBound(row)}
                  label={t("frameworkEditor.bandBound", { row: row + 1 })}
                  defaultValue={valueOf(editFields.bandBound(row), band ? writeNumber(band.minValue, scale.decimals) : "")}
                  message={messageOf(editFields.bandBound(row))}
                  inputMode="decimal"
                />
              </div>
            );
          })}
        </Panel>

        <Panel id="status" title={t("frameworkEditor.status")}>
          <fieldset className="mt-3 space-y-2">
            <legend className="sr-only">{t("frameworkEditor.status")}</legend>
            {(
              [
                ["teks_resmi", "official_text", t("frameworkEditor.statusOfficial")],
                ["sumber_sekunder", "secondary_sources", t("frameworkEditor.statusSecondary")],
              ] as const
            ).map(([value, status, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name={editFields.sourceStatus} value={value} defaultChecked={valueOf(editFields.sourceStatus, definition.sourceStatus === status ? value : "") === value} />
                {label}
              </label>
            ))}
            {messageOf(editFields.sourceStatus) ? <p className="text-sm font-medium text-red-700">{messageOf(editFields.sourceStatus)}</p> : null}
          </fieldset>
          <EditorInput field={editFields.statusNote} label={t("frameworkEditor.statusNote")} hint={t("frameworkEditor.statusNoteHint")} defaultValue={valueOf(editFields.statusNote, definition.statusNote ?? "")} message={messageOf(editFields.statusNote)} multiline />
        </Panel>

        <Panel id="proposal" title={t("frameworkEditor.submit")}>
          <EditorInput field={editFields.reason} label={t("frameworkEditor.reason")} hint={t("frameworkEditor.reasonHint")} defaultValue={valueOf(editFields.reason, "")} message={messageOf(editFields.reason)} multiline />
          <SubmitButton className="mt-4 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("frameworkEditor.submit")}
          </SubmitButton>
        </Panel>
      </SubmitForm>

      <Panel id="changes" title={t("frameworkEditor.changes")}>
        {changes.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("frameworkEditor.noChanges")}</p>
        ) : (
          <DataTable
            className="mt-3"
            density="compact"
            caption={t("frameworkEditor.changes")}
            rows={changes}
            rowKey={(change) => change.id}
            columns={[
              { id: "id", header: "#", cell: (change) => <Link to={`/kurasi/kerangka/${framework.slug}/perubahan/${change.id}`}>#{change.id}</Link> },
              { id: "status", header: t("frameworkEditor.columnStatus"), cell: (change) => t(`frameworkEditor.changeStatus.${change.status}`) },
              { id: "reason", header: t("frameworkEditor.review.reason"), cell: (change) => change.reason, cellClassName: "max-w-md" },
              { id: "by", header: t("frameworkEditor.columnVersion"), cell: (change) => `${change.baseVersion} · ${formatDate(change.proposedAt)} · ${change.proposedBy}` },
            ]}
          />
        )}
      </Panel>
    </div>
  );
}

/** A labelled input of the editor with the server's message for it under it. */
function EditorInput({
  field,
  label,
  defaultValue,
  message,
  hint,
  multiline,
  inputMode,
  onChange,
}: {
  field: string;
  label: string;
  defaultValue: string;
  message: string | null;
  hint?: string;
  multiline?: boolean;
  inputMode?: "decimal";
  onChange?: (value: string) => void;
}) {
  const describedBy = [hint ? `${field}-hint` : null, message ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id: field, name: field, defaultValue, className: inputClass, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className="mt-3">
      <label htmlFor={field} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} inputMode={inputMode} onChange={onChange ? (event) => onChange(event.target.value) : undefined} />}
      {hint ? (
        <p id={`${field}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${field}-error`} className="mt-1 text-sm font-medium text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
