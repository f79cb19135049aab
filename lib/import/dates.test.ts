import { describe, expect, it } from "vitest";
import { isRealDate, toIsoDate } from "./dates";

describe("toIsoDate", () => {
  it.each([
    ["2026-02-27", "2026-02-27"],
    ["2026-02-27T14:05:00Z", "2026-02-27"],
    ["2026-02-27T23:30:00-05:00", "2026-02-27"], // the date as published, not shifted to UTC
    ["2026-02-27 09:00", "2026-02-27"],
    ["20260227", "2026-02-27"],
    ["D:20260331120000Z", "2026-03-31"],
    ["D:20260331120000+01'00'", "2026-03-31"],
    ["February 27, 2026", "2026-02-27"],
    ["Feb. 27, 2026 2:05 PM UTC", "2026-02-27"],
    ["Sept 3, 2026", "2026-09-03"],
    ["Friday, February 27th, 2026", "2026-02-27"],
    ["27 February 2026", "2026-02-27"],
    ["Sun 1 Mar 2026 07.00 GMT", "2026-03-01"],
    ["2026-02-30", null],
    ["2025-02-29", null],
    ["27/02/2026", null],
    ["yesterday", null],
    ["Posted 3 hours ago", null],
    ["", null],
    [null, null],
  ])("%j → %j", (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});

describe("isRealDate", () => {
  it("knows leap years and month lengths", () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2026, 2, 29)).toBe(false);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
  });
});
