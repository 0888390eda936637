import { KindBadge } from "~/components/benchmark/figure";
import type { CrosswalkRow } from "~/modules/frameworks";
import { useWorkspaceTranslator } from "~/modules/i18n/use-workspace-translator";

interface ProfileLabel {
  /** The framework's short name ("Indeks SPBE 2020"). */
  framework: string;
  kind: "verified" | "self";
  year: number;
}

/**
 * A region's profile in one framework beside its self-assessment in another, group by group,
 * for the pairs a curator confirmed. Each figure is labelled with its framework, kind and year,
 * and the two are never subtracted or drawn together: their weights and criteria differ.
 */
export function CrosswalkComparison({ rows, fromFramework, from, to }: { rows: CrosswalkRow[]; fromFramework: string; from: ProfileLabel | null; to: ProfileLabel }) {
  const { t, formatIndex } = useWorkspaceTranslator();
  const value = (number: number | null) => (number === null ? "—" : formatIndex(number));
  const label = (profile: ProfileLabel) => (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs text-slate-600">
      {profile.framework} · <KindBadge kind={profile.kind} /> {profile.year}
    </span>
  );
  return (
    <section aria-labelledby="crosswalk-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="crosswalk-heading" className="font-semibold">
        {t("assessmentFrameworks.comparison.heading", { framework: fromFramework })}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("assessmentFrameworks.comparison.lead")}</p>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("assessmentFrameworks.comparison.noConfirmed")}</p>
      ) : !from ? (
        <p className="mt-2 text-sm text-slate-600">{t("assessmentFrameworks.comparison.noProfile", { framework: fromFramework })}</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-4">
                {t("assessmentFrameworks.comparison.aspectOf", { framework: to.framework })}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("assessmentFrameworks.comparison.aspectOf", { framework: from.framework })}
              </th>
              <th scope="col" className="py-2">
                {t("assessmentFrameworks.comparison.status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <span className="font-medium">{`${row.group.number}. ${row.group.name}`}</span>
                  <br />
                  <span className="font-semibold">{value(row.value)}</span> {label(to)}
                </th>
                <td className="py-2 pr-4">
                  <ul className="space-y-1">
                    {row.counterparts.map((counterpart) => (
                      <li key={counterpart.pairId}>
                        {`${counterpart.group.number}. ${counterpart.group.name}: `}
                        <span className="font-semibold">{value(counterpart.value)}</span> {label(from)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="py-2 text-slate-700">{t("assessmentFrameworks.status.confirmed")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
