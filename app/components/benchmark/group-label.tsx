import { useTranslator } from "~/modules/i18n/use-translator";
import { groupLabel, type PeerGroupKey } from "~/modules/benchmark/peers";

/** groupLabel in the page's language. */
export function useGroupLabel() {
  const { t } = useTranslator();
  return (group: { kind: PeerGroupKey["kind"]; name: string }) => groupLabel(t, group);
}
