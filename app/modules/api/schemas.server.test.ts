import { describe, expect, test } from "vitest";
import { params } from "./schemas.server";

describe("whole-number query parameters", () => {
  test.each(["1", "25", "100"])("batas=%s is read", (raw) => {
    expect(params.batas.safeParse(raw)).toEqual({ success: true, data: Number(raw) });
  });

  // Indonesian writes "1.000" for one thousand: JavaScript's Number() reads it as 1, which would
  // quietly answer with one item. Only digits are a number here; the rest is refused, naming why.
  test.each(["1.200", "1.000", "1,200", "1.5", "1,5", "12 orang", "1e2", "0x10", " 5", "5.0", "+5", ""])("batas=%j is refused", (raw) => {
    const result = params.batas.safeParse(raw);
    expect(result.success).toBe(false);
  });

  test.each(["1.5", "2.000", "1,0"])("hal=%j is refused", (raw) => {
    expect(params.hal.safeParse(raw).success).toBe(false);
  });

  test("tahun and indikator take digits only too", () => {
    expect(params.tahun.safeParse("2.023").success).toBe(false);
    expect(params.tahun.safeParse("2023.0").success).toBe(false);
    expect(params.tahun.safeParse("2023").data).toBe(2023);
    expect(params.indikator.safeParse("37.0").success).toBe(false);
    expect(params.indikator.safeParse("37").data).toBe(37);
  });

  test("a refusal says what is expected", () => {
    const result = params.batas.safeParse("1.000");
    expect(result.error?.issues[0]?.message).toMatch(/digits/);
  });
});
