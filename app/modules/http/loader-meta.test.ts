import { describe, expect, it } from "vitest";
import { loaderMeta } from "./loader-meta";

const rootTags = [{ title: "IDSL — Indonesia Digital Services Living Lab" }];
const root = { id: "root", data: { locale: "id", meta: rootTags } };

describe("loaderMeta", () => {
  it("gives the tags the page's loader built", () => {
    const pageTags = [{ title: "Kota Bandung · IDSL" }, { name: "description", content: "Profil." }];
    expect(loaderMeta({ data: { meta: pageTags, region: {} }, matches: [root, { id: "routes/daerah.$code", data: { meta: pageTags } }] })).toEqual(pageTags);
  });

  it("falls back to the root's site-wide tags on an error page (no loader data)", () => {
    expect(loaderMeta({ data: undefined, matches: [root, { id: "routes/daerah.$code", data: undefined }] })).toEqual(rootTags);
  });

  it("gives no tags when the root loader failed too", () => {
    expect(loaderMeta({ data: undefined, matches: [{ id: "root", data: undefined }] })).toEqual([]);
  });
});
