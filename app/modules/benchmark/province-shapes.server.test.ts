import { describe, expect, it } from "vitest";
import { provinceShapes } from "./province-shapes.server";

describe("provinceShapes", () => {
  const shapes = provinceShapes();

  it("projects the 38 provinces, keyed by their Kemendagri codes", () => {
    expect(shapes.provinces).toHaveLength(38);
    expect(new Set(shapes.provinces.map((province) => province.code)).size).toBe(38);
    expect(shapes.provinces.map((province) => province.code)).toContain("32");
    expect(shapes.provinces.find((province) => province.code === "96")?.name).toBeTruthy();
  });

  it("draws every province inside the map with finite whole-unit coordinates", () => {
    for (const province of shapes.provinces) {
      expect(province.path, province.name).toMatch(/^M/);
      const numbers = province.path.match(/-?[\d.]+(?:e-?\d+)?/g)!.map(Number);
      expect(numbers.length, province.name).toBeGreaterThan(6);
      for (const [index, value] of numbers.entries()) {
        expect(Number.isFinite(value), province.name).toBe(true);
        expect(Number.isInteger(value), province.name).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(index % 2 === 0 ? shapes.width : shapes.height);
      }
    }
  });

  it("is wider than tall, like Indonesia, and small enough to send on a page", () => {
    expect(shapes.width).toBe(1000);
    expect(shapes.height).toBeGreaterThan(300);
    expect(shapes.height).toBeLessThan(450);
    expect(shapes.provinces.reduce((size, province) => size + province.path.length, 0)).toBeLessThan(30_000);
  });

  it("is computed once per process", () => {
    expect(provinceShapes()).toBe(shapes);
  });
});
