import { describe, expect, it } from "vitest";
import { applicationFunction, applicationTerms } from "../../../db/schema";
import { APPLICATION_FUNCTIONS, APPLICATION_TERMS } from "./application-content";

// Browser code cannot import the schema (it would ship drizzle), so these lists are written twice.
describe("the catalog's browser-safe lists", () => {
  it("equal the database enums they mirror", () => {
    expect([...APPLICATION_FUNCTIONS]).toEqual(applicationFunction.enumValues);
    expect([...APPLICATION_TERMS]).toEqual(applicationTerms.enumValues);
  });
});
