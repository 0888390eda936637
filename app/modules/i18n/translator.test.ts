import { describe, expect, it } from "vitest";
import { messagesEn } from "./messages.en";
import { messagesId } from "./messages.id";
import { extraMessagesEn } from "./messages.extra.en";
import { extraMessagesId } from "./messages.extra.id";
import { benchmarkMessagesEn } from "./messages.benchmark.en";
import { benchmarkMessagesId } from "./messages.benchmark.id";
import { compareMessagesEn } from "./messages.compare.en";
import { compareMessagesId } from "./messages.compare.id";
import { homeMessagesEn } from "./messages.home.en";
import { homeMessagesId } from "./messages.home.id";
import { serverMessagesEn } from "./messages.server.en";
import { serverMessagesId } from "./messages.server.id";
import { workspaceMessagesEn } from "./messages.workspace.en";
import { workspaceMessagesId } from "./messages.workspace.id";
import { translatorFor } from "./translator.server";

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
    id.t("directory.pageOf");
    expect(id.t("directory.pageOf", { page: 3, pages: 4 })).toBe("Halaman 3 dari 4");
  });

  it("shows a missing key or value as written, so it is noticed", () => {
    expect(translatorFor("id").t("directory.pageOf", { page: 2 })).toBe("Halaman 2 dari {{pages}}");
    expect(translatorFor("id").t("no.such" as "directory.pageOf")).toBe("no.such");
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

/** A message's key without its plural form: "account.signedOutOthers_one" → "account.signedOutOthers_other". */
const messageKey = (path: string) => path.replace(/_(zero|one|two|few|many)$/, "_other");

/** Each catalog in both languages: the one every page has, the workspace's and the server's. */
const catalogPairs = [
  { name: "public", id: messagesId, en: messagesEn },
  { name: "workspace", id: workspaceMessagesId, en: workspaceMessagesEn },
  { name: "extra", id: extraMessagesId, en: extraMessagesEn },
  { name: "home", id: homeMessagesId, en: homeMessagesEn },
  { name: "benchmark", id: benchmarkMessagesId, en: benchmarkMessagesEn },
  { name: "compare", id: compareMessagesId, en: compareMessagesEn },
  { name: "server", id: serverMessagesId, en: serverMessagesEn },
];

describe("messages", () => {
  it.each(catalogPairs)("has every Indonesian $name message in English and nothing left empty", ({ id, en }) => {
    expect([...new Set(leafPaths(en).map(messageKey))].sort()).toEqual(leafPaths(id).sort());
    for (const messages of [id, en]) {
      for (const key of leafPaths(messages)) {
        const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(text, key).not.toBe("");
      }
    }
  });

  it("keeps each message in one catalog only", () => {
    const keys = catalogPairs.flatMap((pair) => leafPaths(pair.id));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
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

describe("plural forms", () => {
  it("gives every message with a count each plural form its language has", () => {
    const catalogs = catalogPairs.flatMap((pair) => [["id-ID", pair.id] as const, ["en-GB", pair.en] as const]);
    for (const [locale, messages] of catalogs) {
      const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const paths = new Set(leafPaths(messages));
      for (const path of paths) {
        if (!path.endsWith("_other")) continue;
        for (const form of forms) expect(paths.has(path.replace(/_other$/, `_${form}`)), `${locale} ${path} ${form}`).toBe(true);
      }
    }
  });

  it("says one session in English, and has one form in Indonesian", () => {
    expect(translatorFor("en").t("account.signedOutOthers", { count: 1 })).toBe("1 other session ended.");
    expect(translatorFor("en").t("account.signedOutOthers", { count: 2 })).toBe("2 other sessions ended.");
    expect(translatorFor("id").t("account.signedOutOthers", { count: 1 })).toBe("1 sesi lain telah diakhiri.");
    expect(translatorFor("en").t("admin.usersCount", { count: 1, formattedCount: "1" })).toBe("1 user");
  });
});
