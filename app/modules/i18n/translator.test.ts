import { describe, expect, it } from "vitest";
import { messagesEn } from "./messages.en";
import { messagesId } from "./messages.id";
import { translatorFor } from "./translator";

describe("translatorFor", () => {
  it("formats numbers per locale", () => {
    expect(translatorFor("id").formatIndex(3.81)).toBe("3,81");
    expect(translatorFor("en").formatIndex(3.81)).toBe("3.81");
    expect(translatorFor("id").formatIndex(4)).toBe("4,00");
    expect(translatorFor("id").formatNumber(1226660)).toBe("1.226.660");
    expect(translatorFor("en").formatNumber(1226660)).toBe("1,226,660");
  });

  it("translates with interpolation in each language", () => {
    expect(translatorFor("id").t("directory.pageOf", { page: 2, pages: 21 })).toBe("Halaman 2 dari 21");
    expect(translatorFor("en").t("directory.pageOf", { page: 2, pages: 21 })).toBe("Page 2 of 21");
  });

  it("gives the same text for a plain key every time, per locale, without mixing up options", () => {
    const id = translatorFor("id");
    const en = translatorFor("en");
    expect([id.t("search.title"), id.t("search.title")]).toEqual([messagesId.search.title, messagesId.search.title]);
    expect(en.t("search.title")).toBe(messagesEn.search.title);
    // A cached plain lookup must not stand in for a call with options.
    id.t("directory.pageOf");
    expect(id.t("directory.pageOf", { page: 3, pages: 4 })).toBe("Halaman 3 dari 4");
  });

  it("leaves markup in interpolated values to React's escaping", () => {
    expect(translatorFor("en").t("language.switchTo", { language: "<b>x</b>" })).toBe("Switch language to <b>x</b>");
  });
});

function leafPaths(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === "string" ? [`${prefix}${key}`] : leafPaths(child as object, `${prefix}${key}.`),
  );
}

describe("messages", () => {
  it("has every Indonesian string in English and nothing left empty", () => {
    expect(leafPaths(messagesEn).sort()).toEqual(leafPaths(messagesId).sort());
    for (const messages of [messagesId, messagesEn]) {
      for (const key of leafPaths(messages)) {
        const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(text, key).not.toBe("");
      }
    }
  });
});

describe("date formatting", () => {
  it("formats partial dates per locale", () => {
    expect(translatorFor("id").formatPartialDate("2021-02")).toBe("Februari 2021");
    expect(translatorFor("en").formatPartialDate("2021-02")).toBe("February 2021");
    expect(translatorFor("id").formatPartialDate("2016")).toBe("2016");
  });

  it("formats dates in Jakarta time", () => {
    // 20:00 UTC on 1 Feb is already 2 Feb in WIB.
    expect(translatorFor("id").formatDate("2021-02-01T20:00:00Z")).toBe("2 Feb 2021");
    expect(translatorFor("id").formatDateTime("2021-02-01T20:00:05Z")).toBe("02/02/21, 03.00.05 WIB");
    expect(translatorFor("en").formatDateTime("2021-02-01T20:00:05Z")).toBe("02/02/2021, 03:00:05 GMT+7");
  });
});
