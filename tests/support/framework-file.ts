import { readFileSync } from "node:fs";
import type { FrameworkNode } from "../../app/modules/frameworks/framework-index";
import { FRAMEWORK_NODE_KINDS } from "../../seed/reference";

/** A node of a framework file: its children, if any, under the key of their kind. */
interface FileNode {
  number: number;
  weight: number;
  domains?: FileNode[];
  aspects?: FileNode[];
  indicators?: FileNode[];
}

/**
 * A framework's real tree from its seed data file (seed/data/<slug>.json), of whatever depth it
 * has (SPBE 2020: domain → aspect → indicator; Pemdi 2026: aspect → indicator), with ids assigned
 * in file order, for pure tests.
 */
export function frameworkNodesFromFile(slug: string): { nodes: FrameworkNode[]; indicators: FrameworkNode[]; bands: { name: string; minValue: number }[] } {
  const file = JSON.parse(readFileSync(new URL(`../../seed/data/${slug}.json`, import.meta.url), "utf8")) as FileNode & {
    predikat: { name: string; min: number }[];
  };
  const nodes: FrameworkNode[] = [];
  let lastId = 0;
  const addChildren = (parent: FileNode, parentId: number | null) => {
    for (const [key, kind] of FRAMEWORK_NODE_KINDS) {
      for (const child of parent[key] ?? []) {
        const id = ++lastId;
        nodes.push({ id, parentId, kind, number: child.number, weight: child.weight });
        addChildren(child, id);
      }
    }
  };
  addChildren(file, null);
  return {
    nodes,
    indicators: nodes.filter((node) => node.kind === "indicator"),
    bands: file.predikat.map((band) => ({ name: band.name, minValue: band.min })),
  };
}
