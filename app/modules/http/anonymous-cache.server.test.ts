import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { broadcast } from "../cluster/broadcast.server";
import { anonymousCacheSlot, cachedResponse, gzippedBody, storeResponse } from "./anonymous-cache.server";

const ADDRESS = "http 127.0.0.1:3000 /peringkat?tahun=2024";

function slot(options: { method?: string; path?: string; address?: string; cookie?: string } = {}) {
  return anonymousCacheSlot({ method: options.method ?? "GET", path: options.path ?? "/peringkat", address: options.address ?? ADDRESS, cookie: options.cookie });
}

const page = (text: string) => ({ headers: [["content-type", "text/html"]] as [string, string][], body: new TextEncoder().encode(text), etag: `"${text}"`, nonce: "nonce" });

describe("the anonymous response cache", () => {
  it("keeps only anonymous GETs of public pages", () => {
    expect(slot()).not.toBeNull();
    expect(slot({ path: "/peringkat.data" })).not.toBeNull();
    expect(slot({ method: "HEAD" })).toBeNull();
    expect(slot({ method: "POST" })).toBeNull();
    expect(slot({ cookie: "lang=ImVuIg%3D%3D; idsl_session=abc" })).toBeNull();
    expect(slot({ path: "/masuk" })).toBeNull();
    expect(slot({ path: "/cari" })).not.toBeNull();
    expect(slot({ path: "/akun" })).toBeNull();
    expect(slot({ path: "//[" })).toBeNull();
    expect(slot({ path: "//peringkat" })).toBeNull();
  });

  it("keeps each language, address and format apart, and ignores cookies pages do not read", () => {
    const keys = [slot(), slot({ cookie: "lang=ImVuIg%3D%3D" }), slot({ address: `${ADDRESS}&halaman=2` }), slot({ path: "/peringkat.data", address: "http 127.0.0.1:3000 /peringkat.data?tahun=2024" })].map((each) => each!.key);
    expect(new Set(keys).size).toBe(4);
    expect(slot({ cookie: "_ga=1; lang=ImVuIg%3D%3D" })!.key).toBe(keys[1]);
  });

  it("answers a stored response until any broadcast drops it", async () => {
    const first = slot({ address: "http site /peringkat?uji=1" })!;
    expect(cachedResponse(first)).toBeUndefined();
    storeResponse(first, page("peringkat"));
    expect(cachedResponse(slot({ address: "http site /peringkat?uji=1" })!)?.etag).toBe('"peringkat"');

    await broadcast("any-topic-at-all");
    expect(cachedResponse(first)).toBeUndefined();
  });

  it("does not store a response whose rendering began before a change was announced", async () => {
    const started = slot({ address: "http site /peringkat?uji=2" })!;
    await broadcast("writes");
    storeResponse(started, page("lama"));
    expect(cachedResponse(started)).toBeUndefined();
    const after = slot({ address: "http site /peringkat?uji=2" })!;
    storeResponse(after, page("baru"));
    expect(cachedResponse(after)?.etag).toBe('"baru"');
  });

  it("gzips a stored body on its first use only, and keeps it with the entry", () => {
    const stored = slot({ address: "http site /peringkat?uji=3" })!;
    storeResponse(stored, page("halaman"));
    const entry = cachedResponse(stored)!;
    expect(entry.gzipped).toBeUndefined();
    const gzipped = gzippedBody(stored, entry);
    expect(gunzipSync(gzipped).toString()).toBe("halaman");
    const again = cachedResponse(stored)!;
    expect(again.gzipped).toBe(gzipped);
    expect(gzippedBody(stored, again)).toBe(gzipped);
  });
});
