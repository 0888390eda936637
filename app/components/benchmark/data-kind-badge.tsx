import { SourceLink } from "~/components/source-link";
import { Badge } from "~/components/ui/badge";
import { useTranslator } from "~/modules/i18n/use-translator";

/** Where a value comes from: an official result (with its source) or synthetic sample data. */
export function DataKindBadge({ kind, source }: { kind: "official" | "sample" | "self"; source?: { citation: string | null; url: string | null } }) {
  const { t } = useTranslator();
  if (kind === "sample") return <Badge tone="warning">{t("benchmark.sampleBadge")}</Badge>;
  if (kind === "self") return <Badge tone="neutral">{t("benchmark.selfBadge")}</Badge>;
  return source?.citation ? (
    <SourceLink source={source}>
      <Badge tone="success">{t("benchmark.officialBadge")}</Badge>
    </SourceLink>
  ) : (
    <Badge tone="success">{t("benchmark.officialBadge")}</Badge>
  );
}
