import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { cachedNetwork } from "./network-cache.server";
import { listPublicAdoptions, type PublicAdoption } from "./practice-list.server";

export const NETWORK_WIDTH = 900;
export const NETWORK_HEIGHT = 560;
const MARGIN = 80;

interface RegionNode extends SimulationNodeDatum {
  code: string;
  name: string;
  shared: number;
  adopted: number;
}

interface RegionLink extends SimulationLinkDatum<RegionNode> {
  source: string | RegionNode;
  target: string | RegionNode;
  adoptions: PublicAdoption[];
}

/**
 * Regions joined by who adopted from whom, laid out with d3-force on the server so the
 * picture is plain SVG (visible without JavaScript). d3-force's start positions and jiggle are
 * deterministic, so the same data always gives the same picture.
 */
/** The laid-out network, kept until adoptions change (the layout is the expensive part). */
export function getAdoptionNetwork() {
  return cachedNetwork(layoutAdoptionNetwork);
}

async function layoutAdoptionNetwork() {
  const adoptions = await listPublicAdoptions();
  const nodes = new Map<string, RegionNode>();
  const links = new Map<string, RegionLink>();
  for (const adoption of adoptions) {
    const source = nodes.get(adoption.sourceRegionCode) ?? { code: adoption.sourceRegionCode, name: adoption.sourceRegionName, shared: 0, adopted: 0 };
    const adopter = nodes.get(adoption.adopterRegionCode) ?? { code: adoption.adopterRegionCode, name: adoption.adopterRegionName, shared: 0, adopted: 0 };
    source.shared += 1;
    adopter.adopted += 1;
    nodes.set(source.code, source);
    nodes.set(adopter.code, adopter);
    const key = `${source.code}>${adopter.code}`;
    const link = links.get(key) ?? { source: source.code, target: adopter.code, adoptions: [] };
    link.adoptions.push(adoption);
    links.set(key, link);
  }
  const nodeList = [...nodes.values()].sort((a, b) => a.code.localeCompare(b.code));
  const linkList = [...links.values()];
  forceSimulation(nodeList)
    .force("link", forceLink<RegionNode, RegionLink>(linkList).id((node) => node.code).distance(160))
    .force("charge", forceManyBody().strength(-500))
    .force("x", forceX(0).strength(0.05))
    .force("y", forceY(0).strength(0.08))
    .force("collide", forceCollide(60))
    .stop()
    .tick(300);

  // Fit the layout into the drawing area.
  const xs = nodeList.map((node) => node.x ?? 0);
  const ys = nodeList.map((node) => node.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (NETWORK_WIDTH - 2 * MARGIN) / Math.max(maxX - minX, 1),
    (NETWORK_HEIGHT - 2 * MARGIN) / Math.max(maxY - minY, 1),
    1.5,
  );
  const place = (node: RegionNode) => ({
    x: Math.round((NETWORK_WIDTH / 2 + ((node.x ?? 0) - (minX + maxX) / 2) * scale) * 10) / 10,
    y: Math.round((NETWORK_HEIGHT / 2 + ((node.y ?? 0) - (minY + maxY) / 2) * scale) * 10) / 10,
  });
  return {
    nodes: nodeList.map((node) => ({ code: node.code, name: node.name, shared: node.shared, adopted: node.adopted, ...place(node) })),
    links: linkList.map((link) => {
      const source = link.source as RegionNode;
      const target = link.target as RegionNode;
      return { from: source.code, to: target.code, start: place(source), end: place(target), count: link.adoptions.length };
    }),
    adoptions,
  };
}
