import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { practiceAttachments, practicePosts, rateLimitCounters, regionProfiles } from "../../../db/schema";
import { createSignedInUser, request, startTestApp } from "../../../tests/support/http-app";
import { practiceContent, practiceForm, publishPractice } from "../../../tests/support/practice-factory";
import { db } from "../db.server";
import { regionStorageQuotaBytes } from "../files/index.server";

/**
 * Each input that a hostile-input probe once turned into a server error, over real HTTP against
 * the production build: now a clear 4xx (or a harmless success), and nothing stored that should not be.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let editor: Awaited<ReturnType<typeof createSignedInUser>>;
let member: Awaited<ReturnType<typeof createSignedInUser>>;
let curator: Awaited<ReturnType<typeof createSignedInUser>>;
let published: number;
const REGION = "32.04";

beforeAll(async () => {
  app = await startTestApp();
  [editor, member, curator] = await Promise.all([createSignedInUser("editor", REGION), createSignedInUser("member", "33.16"), createSignedInUser("curator")]);
  published = await publishPractice(practiceContent({ title: "Praktik uji permintaan buruk" }), {
    editor: { id: editor.id, role: "editor", regionCode: REGION },
    curator: { id: curator.id, role: "curator", regionCode: null },
  });
});
afterAll(() => app.close());
afterEach(() => db().delete(rateLimitCounters));

const PNG_1PX = new Uint8Array(Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2d4e1ae0000000049454e44ae426082", "hex"));

/** A PNG whose header declares width × height: 389 KB of pixels for 20,000 × 20,000 compress to almost nothing. */
function pngDeclaring(width: number, height: number): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(PNG_1PX);
  const view = new DataView(header.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return header;
}

async function newDraft() {
  const response = await request(app.origin, "/praktik/baru", { cookie: editor.cookie, form: practiceForm() });
  return Number(/\/praktik\/(\d+)\//.exec(response.headers.get("location") ?? "")![1]);
}

function upload(practiceId: number, file: File, version = "1") {
  const form = new FormData();
  form.append("version", version);
  form.append("file", file);
  return request(app.origin, `/praktik/${practiceId}/lampiran`, { cookie: editor.cookie, form });
}

const storedFiles = (practiceId: number) => {
  try {
    return readdirSync(path.join(process.env.UPLOADS_DIR!, "practices", String(practiceId)));
  } catch {
    return [];
  }
};

describe("bodies that are not forms", () => {
  it.each([
    ["JSON", '{"email":"a@b.id"}', "application/json"],
    ["plain text", "email=a@b.id", "text/plain"],
    ["XML", "<email>a@b.id</email>", "application/xml"],
  ])("answers %s with 415 and a page saying so", async (_kind, body, type) => {
    const sent = await fetch(`${app.origin}/praktik/${published}`, { method: "POST", redirect: "manual", headers: { Origin: app.origin, Cookie: member.cookie, "Content-Type": type }, body });
    expect(sent.status).toBe(415);
    expect(await sent.text()).toContain("Jenis kiriman tidak didukung");
  });

  it("answers a post without a content type with 415", async () => {
    const response = await fetch(`${app.origin}/masuk`, { method: "POST", redirect: "manual", headers: { Origin: app.origin }, body: new Blob(["email=a"]) });
    expect(response.status).toBe(415);
  });

  it("answers a malformed multipart body with 400, storing nothing", async () => {
    const draft = await newDraft();
    const response = await fetch(`${app.origin}/praktik/${draft}/lampiran`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: app.origin, Cookie: editor.cookie, "Content-Type": "multipart/form-data; boundary=batas" },
      body: '--batas\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kiriman tidak dapat dibaca");
    expect(storedFiles(draft)).toEqual([]);
  });
});

describe("text with control characters", () => {
  it("is harmless in search parameters", async () => {
    expect((await request(app.origin, "/daerah?q=%00")).status).toBe(200);
    expect((await request(app.origin, "/praktik?tag=%00")).status).toBe(200);
    expect((await request(app.origin, "/cari?q=a%00b")).status).toBe(200);
  });

  it("is stored without them", async () => {
    const response = await request(app.origin, `/daerah/${REGION}/ubah`, {
      cookie: editor.cookie,
      form: { descriptionId: "Kabupaten\u0000 yang\u0007 maju", descriptionEn: "", websiteUrl: "", contactEmail: "", version: "0" },
    });
    expect(response.status).toBe(302);
    const [profile] = await db().select().from(regionProfiles).where(eq(regionProfiles.regionCode, REGION));
    expect(profile?.descriptionId).toBe("Kabupaten yang maju");
  });
});

describe("numbers too large for an id", () => {
  it.each([
    ["questionId", { intent: "answer", questionId: "2147483648", body: "Jawaban" }],
    ["postId", { intent: "hide", postId: "2147483648" }],
  ])("%s of 2147483648 is a field error, not a server error", async (_field, form) => {
    const response = await request(app.origin, `/praktik/${published}`, { cookie: curator.cookie, form });
    expect(response.status).toBe(400);
  });

  it("a version of 2147483648 is a conflict", async () => {
    const draft = await newDraft();
    const response = await request(app.origin, `/praktik/${draft}/ubah`, { cookie: editor.cookie, form: practiceForm({ version: "2147483648" }) });
    expect(response.status).toBe(409);
    const review = await request(app.origin, `/praktik/${draft}/tinjauan`, { cookie: curator.cookie, form: { decision: "comment", comment: "x", version: "2147483648" } });
    expect(review.status).toBe(400);
  });
});

describe("the origin check", () => {
  it("refuses Origin: null whatever the Referer says", async () => {
    const response = await fetch(`${app.origin}/praktik/${published}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "null", Referer: `${app.origin}/praktik/${published}`, Cookie: member.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=ask&body=Halo",
    });
    expect(response.status).toBe(403);
    expect(await db().select().from(practicePosts).where(eq(practicePosts.body, "Halo"))).toEqual([]);
  });
});

describe("uploads", () => {
  it("read a browser's file name with = and ; correctly, and store names without control or bidirectional characters", async () => {
    const draft = await newDraft();
    expect((await upload(draft, new File([PNG_1PX], "laporan=2023; final.png", { type: "image/png" }))).status).toBe(200);
    expect((await upload(draft, new File([PNG_1PX], "laporan\u202Egnp.exe", { type: "image/png" }), "2")).status).toBe(200);
    const names = (await db().select().from(practiceAttachments).where(eq(practiceAttachments.practiceId, draft))).map((attachment) => attachment.fileName);
    expect(names.sort()).toEqual(["laporan=2023; final.png", "laporangnp.exe"]);
  });

  it("keep no bytes of an upload that loses a version race", async () => {
    const draft = await newDraft();
    const stale = await upload(draft, new File([PNG_1PX], "bukti.png", { type: "image/png" }), "7");
    expect(stale.status).toBe(409);
    expect(storedFiles(draft)).toEqual([]);
  });

  it("refuse an image whose header declares over 50 megapixels", async () => {
    const draft = await newDraft();
    const response = await upload(draft, new File([pngDeclaring(20_000, 20_000)], "peta.png", { type: "image/png" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Gambar terlalu besar: paling banyak 50 megapiksel.");
    expect(storedFiles(draft)).toEqual([]);
  });

  it("stop at the region's storage quota with a clear message", async () => {
    const draft = await newDraft();
    // What the region already stores, recorded as one big file, leaves no room.
    const [full] = await db()
      .insert(practiceAttachments)
      .values({ practiceId: draft, storageKey: "practices/0/penuh.pdf", kind: "pdf", contentType: "application/pdf", fileName: "penuh.pdf", byteSize: regionStorageQuotaBytes(), sha256: "0" })
      .returning({ id: practiceAttachments.id });
    const response = await upload(draft, new File([PNG_1PX], "satu lagi.png", { type: "image/png" }));
    await db().delete(practiceAttachments).where(eq(practiceAttachments.id, full!.id));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Ruang berkas daerah ini sudah penuh (paling banyak 500 MB");
    expect(storedFiles(draft)).toEqual([]);
  });

  it("are served with each security header once", async () => {
    const draft = await newDraft();
    await upload(draft, new File([PNG_1PX], "bukti.png", { type: "image/png" }));
    const [attachment] = await db().select().from(practiceAttachments).where(eq(practiceAttachments.practiceId, draft));
    const file = await request(app.origin, `/lampiran/${attachment!.id}/bukti.png`, { cookie: editor.cookie });
    expect(file.status).toBe(200);
    // fetch joins repeated headers with ", ".
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
    const page = await request(app.origin, "/");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self' 'nonce-");
  });
});
