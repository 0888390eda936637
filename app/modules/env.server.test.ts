import { describe, expect, it } from "vitest";
import { readSettings } from "./env.server";

describe("readSettings", () => {
  it("fills the defaults and treats empty values as unset", () => {
    const settings = readSettings({ PORT: "", DATABASE_URL: "" });
    expect(settings.PORT).toBe(3000);
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.IDSL_SAMPLE_DATA).toBe("on");
    expect(settings.MAIL_FROM).toBe("IDSL <no-reply@idsl.local>");
  });

  it("reads the proxy setting as Express expects it", () => {
    expect(readSettings({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(readSettings({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(readSettings({ TRUST_PROXY: "10.0.0.0/8, loopback" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "loopback"]);
  });

  it("keeps only the origin of APP_ORIGIN", () => {
    expect(readSettings({ APP_ORIGIN: "https://idsl.example.go.id/" }).APP_ORIGIN).toBe("https://idsl.example.go.id");
  });

  it("names every wrong variable in one message", () => {
    const read = () =>
      readSettings({ PORT: "abc", WEB_CONCURRENCY: "0", IDSL_SAMPLE_DATA: "yes", TRUST_PROXY: "somewhere", APP_ORIGIN: "https://x.go.id/idsl", MAIL_FROM: "nobody" });
    expect(read).toThrow(/PORT must be a port number from 1 to 65535 \(got "abc"\)/);
    expect(read).toThrow(/WEB_CONCURRENCY must be a whole number from 1 to 64 \(got "0"\)/);
    expect(read).toThrow(/IDSL_SAMPLE_DATA must be "on" or "off"/);
    expect(read).toThrow(/TRUST_PROXY must be true, false/);
    expect(read).toThrow(/APP_ORIGIN must be an origin without a path/);
    expect(read).toThrow(/MAIL_FROM must be an address/);
  });

  it("does not repeat values that may hold passwords", () => {
    expect(() => readSettings({ DATABASE_URL: "mysql://admin:hunter2@db/idsl", SMTP_URL: "http://u:hunter2@mail" })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL.*SMTP_URL must be a smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => readSettings({ DATABASE_URL: "mysql://admin:hunter2@db/idsl" })).not.toThrow(/hunter2/);
  });
});
