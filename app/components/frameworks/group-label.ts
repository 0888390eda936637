import type { FrameworkGroupRef } from "~/modules/frameworks";
import type { PublicMessageKey, Translator } from "~/modules/i18n/translator";

/** "Domain 1: Kebijakan Internal SPBE", "Aspek 7: Kepuasan Pengguna …": a group as headings and breadcrumbs name it. */
export function groupLabel({ t }: Pick<Translator<PublicMessageKey>, "t">, group: Pick<FrameworkGroupRef, "kind" | "number" | "name">): string {
  return `${t(`practiceForm.${group.kind}`, { number: group.number })}: ${group.name}`;
}
