import { describe, expect, it } from "vitest";
import { formatDate, formatValue, humanize } from "./format";

const v = (value: string | null, unit: string, low: string | null = null, high: string | null = null) => ({ value, low, high, unit });

describe("formatValue", () => {
  it.each([
    [v("122000000000", "USD"), "$122 billion"],
    [v("1400000000000", "USD"), "$1.4 trillion"],
    [v("830000000", "EUR"), "€830 million"],
    [v("18", "percent"), "18%"],
    [v("2026-02-27", "date"), "27 Feb 2026"],
    [v("5", "GW"), "5 GW"],
    [v(null, "USD", "750000000000", "830000000000"), "$750 billion – $830 billion"],
    [v("1234", "count"), "1,234"],
  ])("%j -> %s", (input, expected) => expect(formatValue(input)).toBe(expected));
});

describe("formatDate / humanize", () => {
  it("says when a date is unknown", () => expect(formatDate(null)).toBe("date unknown"));
  it("turns attribute names into words", () => expect(humanize("valuation_post_money")).toBe("Valuation post money"));
});
