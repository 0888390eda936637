import { readFileSync } from "node:fs";
import type { FrameworkNode } from "../../app/modules/frameworks/framework-index";

interface FrameworkFile {
  domains: { number: number; weight: number; aspects: { number: number; weight: number; indicators: { number: number; weight: number }[] }[] }[];
}

/** The real SPBE 2020 tree from the seed data, with ids assigned in file order (for pure tests). */
export function spbe2020Nodes(): { nodes: FrameworkNode[]; indicators: FrameworkNode[] } {
  const file = JSON.parse(readFileSync(new URL("../../seed/data/spbe-2020-framework.json", import.meta.url), "utf8")) as FrameworkFile;
  const nodes: FrameworkNode[] = [];
  let id = 0;
  for (const domain of file.domains) {
    const domainId = ++id;
    nodes.push({ id: domainId, parentId: null, kind: "domain", number: domain.number, weight: domain.weight });
    for (const aspect of domain.aspects) {
      const aspectId = ++id;
      nodes.push({ id: aspectId, parentId: domainId, kind: "aspect", number: aspect.number, weight: aspect.weight });
      for (const indicator of aspect.indicators) {
        nodes.push({ id: ++id, parentId: aspectId, kind: "indicator", number: indicator.number, weight: indicator.weight });
      }
    }
  }
  return { nodes, indicators: nodes.filter((node) => node.kind === "indicator") };
}
