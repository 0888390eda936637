import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUNDLED_MEILISEARCH_VERSION, startBundledMeilisearch } from "./meilisearch-server";
import { findFreePort } from "./ports";
import { StartupError } from "./startup-error";

describe("startBundledMeilisearch", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to run a binary whose checksum does not match", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "meili-tamper-"));
    mkdirSync(path.join(dir, "bin"));
    writeFileSync(path.join(dir, "bin", `meilisearch-${BUNDLED_MEILISEARCH_VERSION}`), "#!/bin/sh\necho pwned\n", {
      mode: 0o755,
    });
    const start = startBundledMeilisearch({
      dataDir: path.join(dir, "meili"),
      port: await findFreePort(),
      masterKey: "a-master-key-of-enough-length",
    });
    await expect(start).rejects.toThrow(StartupError);
    await expect(start).rejects.toThrow(/refusing to run it/);
  });

  it("says in one line when its port is taken", async () => {
    const port = Number(new URL(process.env.MEILI_URL!).port);
    dir = mkdtempSync(path.join(tmpdir(), "meili-port-"));
    await expect(
      startBundledMeilisearch({ dataDir: path.join(dir, "meili"), port, masterKey: "a-master-key-of-enough-length" }),
    ).rejects.toThrow(`Port ${port} (Meilisearch) is already in use`);
  });
});
