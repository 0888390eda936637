import { describe, expect, it } from "vitest";
import { bytesWithout, etagOf, hasSessionCookie, isPublicPage, matchesEtag, mustStayPrivate, pagePath, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, type PublicPage, withCachePolicy } from "./cache-policy.server";

const page = new TextEncoder().encode("<html>peringkat</html>");

function answer(path: string, options: { cookie?: string; ifNoneMatch?: string; method?: string; status?: number; setCookie?: string; cacheControl?: string; keep?: (page: PublicPage) => void } = {}) {
  const headers = new Headers({ "Content-Type": "text/html" });
  if (options.setCookie) headers.append("Set-Cookie", options.setCookie);
  if (options.cacheControl) headers.set("Cache-Control", options.cacheControl);
  const request = new Request(`http://site${path}`, {
    method: options.method ?? "GET",
    headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...(options.ifNoneMatch ? { "If-None-Match": options.ifNoneMatch } : {}) },
  });
  return withCachePolicy(request, { status: options.status ?? 200, headers, body: page, fingerprint: () => page }, options.keep);
}

describe("cache policy", () => {
  it("makes an anonymous read of a public page shareable, with an ETag and Vary", async () => {
    const response = answer("/peringkat");
    expect(response.headers.get("Cache-Control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(PUBLIC_CACHE_CONTROL).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=30");
    expect(response.headers.get("ETag")).toMatch(/^"[\w-]{32}"$/);
    expect(response.headers.get("Vary")).toBe("Cookie");
    expect(await response.text()).toBe("<html>peringkat</html>");
  });

  it("answers 304 without a body while the client's ETag holds, 200 when it does not", async () => {
    const etag = answer("/daerah/32.11").headers.get("ETag")!;
    const unchanged = answer("/daerah/32.11", { ifNoneMatch: `W/${etag}` });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeNull();
    expect(unchanged.headers.get("ETag")).toBe(etag);
    expect(answer("/daerah/32.11", { ifNoneMatch: '"older"' }).status).toBe(200);
  });

  it("never shares signed-in requests or responses setting a cookie, nor answers them 304", () => {
    const etag = answer("/praktik/7").headers.get("ETag")!;
    for (const response of [answer("/praktik/7", { cookie: "lang=en; idsl_session=1.abc", ifNoneMatch: etag }), answer("/praktik/7", { setCookie: "lang=en", ifNoneMatch: etag })]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBeNull();
      expect(response.headers.get("ETag")).toBeNull();
    }
    expect(mustStayPrivate("lang=en", true)).toBe(true);
    expect(mustStayPrivate("lang=en; idsl_session=1.abc", false)).toBe(true);
    expect(mustStayPrivate("lang=en", false)).toBe(false);
    expect(PRIVATE_CACHE_CONTROL).toBe("private, no-store");
  });

  it("hands only public responses to be kept by the server, with their headers, even when answering 304", () => {
    const kept: PublicPage[] = [];
    const keep = (page: PublicPage) => kept.push(page);
    const etag = answer("/peringkat", { keep }).headers.get("ETag")!;
    answer("/peringkat", { keep, ifNoneMatch: etag });
    expect(kept.map((page) => new TextDecoder().decode(page.body))).toEqual(["<html>peringkat</html>", "<html>peringkat</html>"]);
    expect(kept[1]!.etag).toBe(etag);
    expect(new Headers(kept[1]!.headers).get("Cache-Control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(new Headers(kept[1]!.headers).get("Content-Type")).toBe("text/html");
    for (const options of [{ setCookie: "lang=en" }, { cookie: "idsl_session=1.abc" }, { status: 404 }, { method: "POST" }, { cacheControl: PRIVATE_CACHE_CONTROL }]) answer("/peringkat", { keep, ...options });
    answer("/akun", { keep });
    expect(kept).toHaveLength(2);
  });

  it("keeps a public page private when its route made it so (a search the fallback answered)", () => {
    const etag = answer("/cari?q=tte").headers.get("ETag")!;
    const response = answer("/cari?q=tte", { cacheControl: PRIVATE_CACHE_CONTROL, ifNoneMatch: etag });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe(PRIVATE_CACHE_CONTROL);
    expect(response.headers.get("ETag")).toBeNull();
  });

  it("leaves other pages, failures and writes as the route made them", () => {
    for (const response of [answer("/akun"), answer("/peringkat", { status: 404 }), answer("/peringkat", { method: "POST" })]) {
      expect(response.headers.get("Cache-Control")).toBeNull();
      expect(response.headers.get("ETag")).toBeNull();
    }
  });

  it("recognises the session cookie by name only", () => {
    expect(hasSessionCookie("lang=id;idsl_session=x")).toBe(true);
    expect(hasSessionCookie("not_idsl_session=x; lang=id")).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });

  it("names the page behind single-fetch data requests", () => {
    expect(pagePath(new URL("http://site/peringkat.data?tahun=2024"))).toBe("/peringkat");
    expect(pagePath(new URL("http://site/_root.data"))).toBe("/");
    expect(["/", "/peringkat", "/daerah", "/daerah/32.11", "/daerah/32.11/benchmark", "/provinsi/32", "/praktik", "/praktik/12", "/aplikasi/3", "/peta", "/indikator/7", "/bandingkan", "/data", "/kerangka", "/kerangka/pemdi-2026", "/cari"].every(isPublicPage)).toBe(true);
    expect(["/praktik/12/ubah", "/praktik/baru", "/daerah/32.11/ubah", "/daerah/32.11/benchmark.csv", "/akun", "/cari/lain", "/masuk", "/kurasi/kerangka"].some(isPublicPage)).toBe(false);
  });

  it("matches a wildcard and any tag of a list", () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
    expect(matchesEtag("*", '"b"')).toBe(true);
    expect(matchesEtag(null, '"b"')).toBe(false);
  });
});

describe("the ETag of a page with a nonce", () => {
  it("covers the bytes around every occurrence of the nonce, as the text without it", () => {
    const nonce = "n0nCe+/=";
    const body = Buffer.from(`<script nonce="${nonce}">a</script>é<style nonce="${nonce}"></style>${nonce}`);
    expect(bytesWithout(body, nonce).map((part) => part.toString())).toEqual(['<script nonce="', '">a</script>é<style nonce="', '"></style>', ""]);
    expect(etagOf(bytesWithout(body, nonce))).toBe(etagOf(body.toString().replaceAll(nonce, "")));
    expect(etagOf(bytesWithout(body, "absent"))).toBe(etagOf(body));
    expect(etagOf(bytesWithout(body, nonce))).not.toBe(etagOf(bytesWithout(Buffer.from(body.toString().replace("a</script>", "b</script>")), nonce)));
  });
});
