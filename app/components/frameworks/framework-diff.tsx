import type { FrameworkDiffEntry, FrameworkNode } from "~/modules/frameworks";
import { useExtraTranslator } from "~/modules/i18n/use-extra-translator";

/** What changed between two versions of a framework, one line per name, weight, level, band or status (review page and public history). */
export function FrameworkDiffList({ entries, decimals }: { entries: readonly FrameworkDiffEntry[]; decimals: number }) {
  const { t, formatNumber, formatIndex } = useExtraTranslator();
  const weight = (value: number) => formatNumber(value, { maximumFractionDigits: 3 });
  const bound = (value: number | null) => (value === null ? "—" : formatIndex(value, decimals));
  const node = (entry: { nodeKind: FrameworkNode["kind"]; number: number }) =>
    entry.nodeKind === "indicator" ? t("frameworkPage.indicator", { number: entry.number }) : t(`practiceForm.${entry.nodeKind}`, { number: entry.number });
  const line = (entry: FrameworkDiffEntry): string => {
    switch (entry.kind) {
      case "nodeName":
        return t("frameworkPage.diff.name", { node: node(entry), before: entry.before, after: entry.after });
      case "nodeWeight":
        return t("frameworkPage.diff.weight", { node: node(entry), name: entry.name, before: weight(entry.before), after: weight(entry.after) });
      case "levelName":
        return t("frameworkPage.diff.levelName", { level: entry.level, before: entry.before ?? "—", after: entry.after ?? "—" });
      case "band":
        if (entry.before === null) return t("frameworkPage.diff.bandAdded", { name: entry.name, after: bound(entry.after) });
        if (entry.after === null) return t("frameworkPage.diff.bandRemoved", { name: entry.name, before: bound(entry.before) });
        return t("frameworkPage.diff.bandMoved", { name: entry.name, before: bound(entry.before), after: bound(entry.after) });
      case "sourceStatus":
        return t("frameworkPage.diff.sourceStatus", { before: t(`frameworkPage.sourceStatus.${entry.before}`), after: t(`frameworkPage.sourceStatus.${entry.after}`) });
      case "statusNote":
        return t("frameworkPage.diff.statusNote", { after: entry.after ?? "—" });
    }
  };
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {entries.map((entry, index) => (
        <li key={index}>{line(entry)}</li>
      ))}
    </ul>
  );
}
