import type { PublicMessageKey, Translate } from "~/modules/i18n/translator";
import { useTranslator } from "~/modules/i18n/use-translator";
import type { PeerGroupKey } from "~/modules/benchmark/peers";

/** A peer group's name as readers see it: "Provinsi Jawa Barat", "Semua kota", "Kohort IDSL 2022"… */
export function groupLabel(t: Translate<PublicMessageKey>, group: { kind: PeerGroupKey["kind"]; name: string }): string {
  switch (group.kind) {
    case "province":
      return t("peerGroups.province", { name: group.name });
    case "type":
      return group.name === "kota" ? t("peerGroups.allKota") : t("peerGroups.allKabupaten");
    case "cohort":
      return t("peerGroups.cohort", { name: group.name });
    case "similar":
      return t("peerGroups.similar");
    case "custom":
      return t("peerGroups.custom", { name: group.name });
  }
}

/** groupLabel in the page's language. */
export function useGroupLabel() {
  const { t } = useTranslator();
  return (group: { kind: PeerGroupKey["kind"]; name: string }) => groupLabel(t, group);
}
