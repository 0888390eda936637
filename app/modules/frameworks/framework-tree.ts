import type { FrameworkNode } from "./framework-index";

export interface FrameworkIndicator {
  id: number;
  number: number;
  name: string;
}

/** A group of a framework (SPBE 2020: a domain or an aspect; Pemdi 2026: an aspect). */
export interface FrameworkGroupRef {
  id: number;
  kind: Exclude<FrameworkNode["kind"], "indicator">;
  number: number;
  name: string;
}

/** A group with what it holds: sub-groups, indicators, or both, as deep as the framework goes. */
export interface FrameworkGroup extends FrameworkGroupRef {
  groups: FrameworkGroup[];
  indicators: FrameworkIndicator[];
}

export interface NamedFrameworkNode extends FrameworkNode {
  name: string;
}

/** The top-level groups of a framework from its stored nodes, each holding its children in official order. */
export function frameworkGroupsOf(nodes: readonly NamedFrameworkNode[]): FrameworkGroup[] {
  const byNumber = (a: NamedFrameworkNode, b: NamedFrameworkNode) => a.number - b.number;
  const build = (parentId: number | null): FrameworkGroup[] =>
    nodes
      .filter((node) => node.parentId === parentId && node.kind !== "indicator")
      .sort(byNumber)
      .map((node) => ({
        id: node.id,
        kind: node.kind as FrameworkGroupRef["kind"],
        number: node.number,
        name: node.name,
        groups: build(node.id),
        indicators: nodes
          .filter((child) => child.parentId === node.id && child.kind === "indicator")
          .sort(byNumber)
          .map(({ id, number, name }) => ({ id, number, name })),
      }));
  return build(null);
}

/** Every group, outer before inner, in official order (the order tables and charts list them). */
export function allGroups(groups: readonly FrameworkGroup[]): FrameworkGroup[] {
  return groups.flatMap((group) => [group, ...allGroups(group.groups)]);
}

/** Every indicator under these groups, in official order. */
export function indicatorsIn(groups: readonly FrameworkGroup[]): FrameworkIndicator[] {
  return groups.flatMap((group) => [...group.indicators, ...indicatorsIn(group.groups)]);
}

/** Each indicator's enclosing groups, outermost first (SPBE 2020: domain, aspect; Pemdi 2026: aspect). */
export function indicatorAncestors(groups: readonly FrameworkGroup[]): Map<number, FrameworkGroupRef[]> {
  return new Map(indicatorSections(groups).flatMap(({ path, indicators }) => indicators.map((indicator) => [indicator.id, path] as const)));
}

/** The groups that hold indicators directly, each with the path of groups down to it (for grouped option lists). */
export function indicatorSections(groups: readonly FrameworkGroup[]): { path: FrameworkGroupRef[]; indicators: FrameworkIndicator[] }[] {
  const sections: { path: FrameworkGroupRef[]; indicators: FrameworkIndicator[] }[] = [];
  const visit = (group: FrameworkGroup, above: FrameworkGroupRef[]) => {
    const path = [...above, { id: group.id, kind: group.kind, number: group.number, name: group.name }];
    if (group.indicators.length > 0) sections.push({ path, indicators: group.indicators });
    for (const child of group.groups) visit(child, path);
  };
  for (const group of groups) visit(group, []);
  return sections;
}
