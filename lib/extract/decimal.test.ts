import { describe, expect, it } from "vitest";
import { compareDecimal, normalizeDecimal, scaleDecimal } from "./decimal";

describe("scaleDecimal", () => {
  it.each([
    ["122", 9, "122000000000"],
    ["1.4", 12, "1400000000000"],
    ["1,234.5", 6, "1234500000"],
    ["8.88", 0, "8.88"],
    ["0.5", 0, "0.5"],
    ["59.9", 9, "59900000000"],
    ["110.6", 9, "110600000000"],
    ["0.0001", 3, "0.1"],
    ["007", 0, "7"],
    ["-5", 0, "-5"],
    ["1.23456789", 3, "1234.56789"],
  ])("%s × 10^%i = %s", (raw, pow, want) => {
    expect(scaleDecimal(raw, pow)).toBe(want);
  });

  it("never goes through floating point", () => {
    // 0.1 + 0.2 style errors would show up here
    expect(scaleDecimal("0.3", 9)).toBe("300000000");
    expect(scaleDecimal("123456789.123456789", 9)).toBe("123456789123456789");
  });
});

describe("normalizeDecimal / compareDecimal", () => {
  it("normalises", () => {
    expect(normalizeDecimal("18.50")).toBe("18.5");
    expect(normalizeDecimal("18.0")).toBe("18");
  });
  it.each([
    ["750000000000", "830000000000", -1],
    ["9", "10", -1],
    ["10.5", "10.25", 1],
    ["-5", "3", -1],
    ["42", "42.0", 0],
  ])("compare(%s, %s) = %i", (a, b, want) => {
    expect(compareDecimal(a, b)).toBe(want);
  });
});
