import { afterEach, describe, expect, it, vi } from "vitest";
import { log, requestContext } from "./log.server";

/** Lines written to standard output while `run` runs, parsed. */
async function linesWhile(run: () => Promise<void> | void): Promise<Record<string, unknown>[]> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const level = log.level;
  log.level = "info";
  try {
    await run();
  } finally {
    log.level = level;
    vi.restoreAllMocks();
  }
  return chunks.flatMap((chunk) => chunk.split("\n")).filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("adds the request's id to lines written anywhere while serving it, even after awaiting", async () => {
    const lines = await linesWhile(() =>
      requestContext.run({ requestId: "req-0001-abcd" }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.warn({ queue: "emails" }, "something in a module");
      }),
    );
    expect(lines).toEqual([expect.objectContaining({ level: "warn", msg: "something in a module", queue: "emails", requestId: "req-0001-abcd", pid: process.pid })]);
  });

  it("writes no request id outside a request", async () => {
    const [line] = await linesWhile(() => log.info("between requests"));
    expect(line).toMatchObject({ level: "info", msg: "between requests" });
    expect(line).not.toHaveProperty("requestId");
  });

  it.skipIf(process.env.LOG_LEVEL !== undefined)("is silent under vitest unless LOG_LEVEL asks for lines", () => {
    expect(log.level).toBe("silent");
  });
});
