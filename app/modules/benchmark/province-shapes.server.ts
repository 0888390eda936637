import { readFileSync } from "node:fs";
import path from "node:path";
import { geoMercator, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * The province boundaries (seed/data/indonesia-provinces.topo.json: Deny Herianto, CC BY 4.0,
 * changed — see README "Data and sources"), read from the project's own copy relative to the
 * working directory like every other path the app reads (.data, uploads).
 */
const BOUNDARIES_FILE = path.resolve("seed/data/indonesia-provinces.topo.json");

/** Width of the map's coordinate system; its height follows from the projection. */
export const MAP_WIDTH = 1000;

export interface ProvinceShape {
  /** Kemendagri province code. */
  code: string;
  name: string;
  /** SVG path data in the map's coordinate system, whole units (1 unit ≈ 5 km): small enough to send on every page. */
  path: string;
}

export interface ProvinceShapes {
  width: number;
  height: number;
  provinces: ProvinceShape[];
}

interface ProvinceProperties {
  code: string;
  name: string;
}

/**
 * Projects the 38 provinces with d3-geo (Mercator, which keeps Indonesia's shapes near the
 * equator, fitted to MAP_WIDTH) into SVG paths. The boundaries never change while the process
 * runs, so this is done once, on first use.
 */
function projectProvinces(): ProvinceShapes {
  const topology = JSON.parse(readFileSync(BOUNDARIES_FILE, "utf8")) as Topology<{ provinces: GeometryCollection<ProvinceProperties> }>;
  const [object] = Object.values(topology.objects);
  if (!object) throw new Error(`${BOUNDARIES_FILE} holds no boundaries`);
  const provinces = feature(topology, object) as FeatureCollection<Geometry, ProvinceProperties>;
  const projection = geoMercator().fitWidth(MAP_WIDTH, provinces);
  // Whole units are finer than anything a screen shows at this width, and halve the paths' size.
  const draw = geoPath(projection).digits(0);
  const [, [, bottom]] = draw.bounds(provinces);
  return {
    width: MAP_WIDTH,
    height: Math.ceil(bottom),
    provinces: provinces.features
      .map((province) => ({ code: province.properties.code, name: province.properties.name, path: draw(province) ?? "" }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}

let shapes: ProvinceShapes | null = null;

export function provinceShapes(): ProvinceShapes {
  shapes ??= projectProvinces();
  return shapes;
}
