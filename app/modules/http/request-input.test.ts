import { describe, expect, it } from "vitest";
import { readForm, readUploadForm, requestQuery } from "./request-input";

const post = (body: BodyInit, contentType?: string) =>
  new Request("http://idsl.test/form", { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : "not a Response";
  }
  return "accepted";
};

describe("readForm", () => {
  it("reads urlencoded and multipart forms, dropping control characters from names and values", async () => {
    const form = await readForm(post("judul=Laporan%00%01+2024&cat%00atan=a%0D%0Ab%09c", "application/x-www-form-urlencoded"));
    expect(form.get("judul")).toBe("Laporan 2024");
    expect(form.get("catatan")).toBe("a\r\nb\tc");
    const multipart = new FormData();
    multipart.append("judul", "A\u0000B");
    multipart.append("berkas", new File(["x"], "laporan=2023; final.png", { type: "image/png" }));
    const read = await readForm(new Request("http://idsl.test/form", { method: "POST", body: multipart }));
    expect(read.get("judul")).toBe("AB");
    expect((read.get("berkas") as File).name).toBe("laporan=2023; final.png");
  });

  it("answers 415 for bodies that are not forms and 400 for forms that cannot be parsed", async () => {
    expect(await refusal(readForm(post('{"judul":"x"}', "application/json")))).toBe(415);
    expect(await refusal(readForm(post("judul=x", "text/plain")))).toBe(415);
    expect(await refusal(readForm(post(new Blob(["judul=x"]))))).toBe(415);
    expect(await refusal(readForm(post("judul=x", "multipart/form-data")))).toBe(400);
    expect(await refusal(readForm(post('--b\r\nContent-Disposition: form-data; name="judul"\r\n\r\nx', "multipart/form-data; boundary=b")))).toBe(400);
  });
});

describe("readUploadForm", () => {
  it("is null when a file is larger than allowed", async () => {
    const form = new FormData();
    form.append("berkas", new File([new Uint8Array(2048)], "besar.pdf"));
    expect(await readUploadForm(new Request("http://idsl.test/form", { method: "POST", body: form }), 1024)).toBeNull();
    expect(await readUploadForm(new Request("http://idsl.test/form", { method: "POST", body: form }), 4096)).not.toBeNull();
  });
});

describe("requestQuery", () => {
  it("drops control characters from query parameters", () => {
    const query = requestQuery(new Request("http://idsl.test/daerah?q=%00Sume%1Fdang&tag=%00"));
    expect(query.get("q")).toBe("Sumedang");
    expect(query.get("tag")).toBe("");
  });
});
