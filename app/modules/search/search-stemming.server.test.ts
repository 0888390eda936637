import { describe, expect, it } from "vitest";
import { stemmedQuery, stemText } from "./search-stemming.server";

describe("stemText", () => {
  it("relates Indonesian word forms through their stem", () => {
    expect(stemText("Pelayanan")).toBe(stemText("layanan"));
    expect(stemText("melayani")).toBe(stemText("layanan"));
    expect(stemText("pengaduan")).toBe(stemText("mengadukan"));
    expect(stemText("terintegrasi")).toBe(stemText("integrasi"));
  });

  it("stems a document's text word by word, in order, without punctuation", () => {
    expect(stemText("Pelayanan Pengaduan Terintegrasi (SP4N-LAPOR!)")).toBe("layan adu integrasi sp4n lapor");
  });

  it("keeps words the rules are not written for", () => {
    expect(stemText("Kabupaten Ĺaku 2024")).toBe("kabupaten ĺaku 2024");
  });
});

describe("stemmedQuery", () => {
  it("stems every word of a query that has affixed words", () => {
    expect(stemmedQuery("melayani warga")).toBe("layan warga");
    expect(stemmedQuery("Mengadukan")).toBe("adu");
  });

  it("searches the stems of base words too, and nothing without words", () => {
    expect(stemmedQuery("arsip")).toBe(stemText("kearsipan"));
    expect(stemmedQuery("")).toBeNull();
    expect(stemmedQuery("* ?")).toBeNull();
  });

  it("keeps a phrase or a negation exact", () => {
    expect(stemmedQuery('"pelayanan publik"')).toBeNull();
    expect(stemmedQuery("pelayanan -perizinan")).toBeNull();
  });

  it("adds nothing when a stem is a function word that would match almost everything", () => {
    expect(stemText("pengadaan")).toBe("ada");
    expect(stemmedQuery("pengadaan barang")).toBeNull();
  });
});
