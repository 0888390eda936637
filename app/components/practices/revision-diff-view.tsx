import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";
import type { RevisionChange } from "~/modules/practices/practice-view.server";

/** Changed fields with insertions and deletions marked (colour plus underline/strike, not colour alone). */
export function RevisionDiffView({ changes }: { changes: RevisionChange[] }) {
  const { t } = useExtraTranslator();
  if (changes.length === 0) return <p className="mt-2 text-slate-600">{t("history.noChanges")}</p>;
  return (
    <dl className="mt-3 space-y-4">
      {changes.map((change) => (
        <div key={change.field}>
          <dt className="font-semibold">{change.label}</dt>
          <dd className="mt-1 whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-3 font-mono text-sm">
            {change.parts.map((part, index) =>
              part.change === "added" ? (
                <ins key={index} className="bg-emerald-100 text-emerald-900">
                  {part.text}
                </ins>
              ) : part.change === "removed" ? (
                <del key={index} className="bg-red-100 text-red-900">
                  {part.text}
                </del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
