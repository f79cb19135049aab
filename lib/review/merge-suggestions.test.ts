import { describe, expect, it } from "vitest";
import { mergeSuggestions, type ExistingClaim } from "./merge-suggestions";

const usd = (value: string) => ({ value, low: null, high: null, unit: "USD" });
const claim = (id: string, start: number, end: number, value: string, status: ExistingClaim["status"] = "suggested", human = false): ExistingClaim => ({
  id, start, end, ...usd(value), status, human,
});
const suggestion = (start: number, end: number, value: string) => ({ start, end, ...usd(value) });

describe("mergeSuggestions", () => {
  it("refreshes an untouched suggestion found again instead of duplicating it", () => {
    const plan = mergeSuggestions([claim("a", 10, 22, "122000000000")], [suggestion(10, 22, "122000000000")]);
    expect(plan).toEqual({ refresh: [{ id: "a", suggestion: suggestion(10, 22, "122000000000") }], create: [], remove: [] });
  });

  it("matches by overlapping span and value when the new span is wider", () => {
    const plan = mergeSuggestions([claim("a", 10, 22, "15000000000")], [suggestion(10, 30, "15000000000")]);
    expect(plan.refresh.map((r) => r.id)).toEqual(["a"]);
    expect(plan.create).toEqual([]);
  });

  it.each([
    ["confirmed", "confirmed", false],
    ["rejected", "rejected", false],
    ["edited by a person", "suggested", true],
  ] as const)("never touches a %s claim, and adds no duplicate of it", (_name, status, human) => {
    const plan = mergeSuggestions([claim("a", 10, 22, "110000000000", status, human)], [suggestion(10, 22, "110000000000")]);
    expect(plan).toEqual({ refresh: [], create: [], remove: [] });
  });

  it("keeps a decided claim even when the new extractor no longer sees it", () => {
    const plan = mergeSuggestions([claim("a", 10, 22, "110000000000", "confirmed"), claim("b", 40, 50, "5", "suggested")], []);
    expect(plan.remove).toEqual(["b"]);
  });

  it("adds new figures and drops untouched suggestions that are gone", () => {
    const plan = mergeSuggestions([claim("old", 0, 5, "1")], [suggestion(60, 70, "730000000000")]);
    expect(plan.create).toEqual([suggestion(60, 70, "730000000000")]);
    expect(plan.remove).toEqual(["old"]);
  });
});
