import { describe, expect, it } from "vitest";
import { routeLabel, routePatterns, UNMATCHED_ROUTE } from "./route-label";

/** Shaped like a Remix build's manifest (parentId null at the root, as the build has it). */
const routes = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/praktik.$id": { id: "routes/praktik.$id", parentId: "root", path: "praktik/:id" },
  "routes/praktik.baru": { id: "routes/praktik.baru", parentId: "root", path: "praktik/baru" },
  "routes/daerah.$code_.level-resmi": { id: "routes/daerah.$code_.level-resmi", parentId: "root", path: "daerah/:code/level-resmi" },
  "routes/daerah.$code_.riwayat[.]csv": { id: "routes/daerah.$code_.riwayat[.]csv", parentId: "root", path: "daerah/:code/riwayat.csv" },
  "routes/kurasi": { id: "routes/kurasi", parentId: "root", path: "kurasi" },
  "routes/kurasi.antrean": { id: "routes/kurasi.antrean", parentId: "routes/kurasi", path: "antrean" },
  "routes/($lang).tentang": { id: "routes/($lang).tentang", parentId: "root", path: ":lang?/tentang" },
  "routes/api.$": { id: "routes/api.$", parentId: "root", path: "api/*" },
};

describe("routeLabel", () => {
  const patterns = routePatterns(routes);
  const label = (path: string) => routeLabel(path, patterns);

  it("names a route by its pattern, whatever id or code the path carries", () => {
    expect(label("/praktik/12")).toBe("/praktik/:id");
    expect(label("/praktik/99999")).toBe("/praktik/:id");
    expect(label("/daerah/32.11/level-resmi")).toBe("/daerah/:code/level-resmi");
    expect(label("/daerah/32.11/riwayat.csv")).toBe("/daerah/:code/riwayat.csv");
    expect(label("/")).toBe("/");
  });

  it("prefers a static segment over a parameter", () => {
    expect(label("/praktik/baru")).toBe("/praktik/baru");
  });

  it("joins a nested route's path to its parents'", () => {
    expect(label("/kurasi/antrean")).toBe("/kurasi/antrean");
    expect(label("/kurasi")).toBe("/kurasi");
  });

  it("matches optional segments and splats", () => {
    expect(label("/tentang")).toBe("/:lang?/tentang");
    expect(label("/en/tentang")).toBe("/:lang?/tentang");
    expect(label("/api/v1/daerah/32.11")).toBe("/api/*");
  });

  it("labels single-fetch data requests as the page they load", () => {
    expect(label("/praktik/12.data")).toBe("/praktik/:id");
    expect(label("/_root.data")).toBe("/");
  });

  it("gives every path no route reaches one label", () => {
    expect(label("/wp-admin/setup.php")).toBe(UNMATCHED_ROUTE);
    expect(label("/praktik/12/x/y")).toBe(UNMATCHED_ROUTE);
  });
});
