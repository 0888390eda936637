import { Badge, type BadgeTone } from "~/components/ui/badge";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { PracticeState } from "~/modules/practices/workflow";

const tones: Record<PracticeState, BadgeTone> = {
  draft: "neutral",
  submitted: "brand",
  changes_requested: "warning",
  published: "success",
  archived: "danger",
};

export function PracticeStateBadge({ state }: { state: PracticeState }) {
  const { t } = useTranslator();
  return <Badge tone={tones[state]}>{t(`practiceState.${state}`)}</Badge>;
}
