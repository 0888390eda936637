/**
 * Module boundaries (decision 0008). The floor is shared by every area; an area reaches another
 * only through that area's public face (index.ts for browser-safe exports, index.server.ts for
 * server exports), and only downward in AREA_LAYERS, so the area graph has no cycles.
 * Nothing imports upward: modules never import routes or components, db/ never imports app/
 * or seed/, and app code never imports seed/.
 */
import boundaries from "eslint-plugin-boundaries";

/** Shared by every area; imports no area. */
const FLOOR = ["change-feed", "cluster", "forms", "http", "i18n", "numbers", "spreadsheets", "text"];

/** Domain areas, lowest first: an area may import the faces of areas in earlier layers only. */
const AREA_LAYERS = [["jobs"], ["audit", "files", "limits"], ["frameworks"], ["auth"], ["regions"], ["notifications"], ["follows"], ["practices"], ["visits", "applications", "benchmark"], ["search"], ["open-data"], ["health", "api", "metrics"]];

const FACES = ["index.ts", "index.server.ts"];
const face = (areas) => ({ element: { type: "area", captured: { area: areas }, fileInternalPath: FACES } });
const element = (type) => ({ element: { type } });
const everyAreaFace = face(AREA_LAYERS.flat());

const areaPolicies = AREA_LAYERS.flatMap((layer, index) =>
  layer.map((area) => ({
    from: { element: { type: "area", captured: { area } } },
    allow: { to: [element("floor"), element("db"), ...(index > 0 ? [face(AREA_LAYERS.slice(0, index).flat())] : [])] },
  })),
);

export const boundariesConfig = {
  files: ["**/*.{ts,tsx,js}"],
  plugins: { boundaries },
  settings: {
    "import/resolver": { typescript: { project: "./tsconfig.json" } },
    "boundaries/elements": [
      { type: "floor", pattern: FLOOR.map((name) => `app/modules/${name}`), partialMatch: false },
      { type: "area", pattern: "app/modules/*", capture: ["area"], partialMatch: false },
      // db.server.ts, env.server.ts, error-message.ts
      { type: "floor", pattern: "app/modules", partialMatch: false },
      { type: "routes", pattern: "app/routes", partialMatch: false },
      { type: "components", pattern: "app/components", partialMatch: false },
      { type: "app", pattern: "app", partialMatch: false },
      { type: "db", pattern: "db", partialMatch: false },
      { type: "seed", pattern: "seed", partialMatch: false },
      { type: "scripts", pattern: "scripts", partialMatch: false },
      { type: "tests", pattern: "tests", partialMatch: false },
    ],
    "boundaries/files": [{ category: "test", pattern: "**/*.test.{ts,tsx}" }],
  },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "disallow",
        // Also check imports within one element, for the browser-safe face rule below.
        checkInternals: true,
        policies: [
          { from: element("floor"), allow: { to: [element("floor"), element("db")] } },
          ...areaPolicies,
          { from: element("area"), allow: { to: { element: { type: "area", captured: { area: "{{ from.element.captured.area }}" } } } } },
          // Outer layers may use any module file; routes and the app shell also the components.
          { from: [element("routes"), element("app")], allow: { to: [element("floor"), element("area"), element("components"), element("routes"), element("app"), element("db")] } },
          { from: element("components"), allow: { to: [element("floor"), element("area"), element("components")] } },
          { from: element("db"), allow: { to: element("db") } },
          { from: element("seed"), allow: { to: [element("db"), element("floor"), everyAreaFace, element("seed")] } },
          { from: [element("scripts"), element("tests")], allow: { to: [element("floor"), element("area"), element("app"), element("db"), element("seed"), element("scripts"), element("tests")] } },
          // Tests exercise an area through its neighbours' faces and build data with tests/support and seed/.
          { from: { file: { categories: "test" } }, allow: { to: [element("floor"), everyAreaFace, element("db"), element("seed"), element("scripts"), element("tests")] } },
          // A browser-safe face must not pull server code into the client bundle.
          {
            from: { element: { type: "area", fileInternalPath: "index.ts" } },
            disallow: { to: { file: { path: "**/*.server.{ts,tsx}" } } },
            message: "A browser-safe face (index.ts) must not re-export *.server files: put them in index.server.ts.",
          },
        ],
      },
    ],
  },
};
