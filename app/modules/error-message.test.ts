import { describe, expect, it } from "vitest";
import { errorMessage } from "./error-message";

describe("errorMessage", () => {
  it("joins the messages of an error and its causes", () => {
    const cause = new Error("The provided API key is invalid.");
    expect(errorMessage(new Error("Request to http://meili/multi-search has failed", { cause }))).toBe(
      "Request to http://meili/multi-search has failed: The provided API key is invalid.",
    );
  });

  it("leaves out causes that are not errors, and stringifies what is not an error", () => {
    expect(errorMessage(new Error("timed out", { cause: { timeout: 2000 } }))).toBe("timed out");
    expect(errorMessage("plain")).toBe("plain");
  });

  it("stops on a cause that refers back to its error", () => {
    const looping = new Error("a");
    looping.cause = looping;
    expect(errorMessage(looping)).toBe("a: a: a: a: a");
  });
});
