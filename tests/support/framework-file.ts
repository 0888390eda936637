import { readFileSync } from "node:fs";
import type { FrameworkNode } from "../../app/modules/frameworks/framework-index";
import { type FrameworkFile, frameworkDefinitionOf } from "../../seed/reference";

/**
 * A framework's real definition from its seed data file (seed/data/<slug>.json), its tree as
 * deep as it is (SPBE 2020: domain → aspect → indicator; Pemdi 2026: aspect → indicator), for
 * pure tests.
 */
export function frameworkNodesFromFile(slug: string): ReturnType<typeof frameworkDefinitionOf> & { indicators: FrameworkNode[] } {
  const file = JSON.parse(readFileSync(new URL(`../../seed/data/${slug}.json`, import.meta.url), "utf8")) as FrameworkFile;
  const definition = frameworkDefinitionOf(file);
  return { ...definition, indicators: definition.nodes.filter((node) => node.kind === "indicator") };
}
