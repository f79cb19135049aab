import { describe, expect, it } from "vitest";
import { canonicalDecimal } from "./decimal";
import { factState, qualifierKey, type FactClaim } from "./facts";

const usd = (id: string, value: string, confirmedAt = new Date("2026-03-01")): FactClaim => ({
  id, value, low: null, high: null, unit: "USD", rank: "normal", confirmedAt,
});

describe("canonicalDecimal", () => {
  it.each([
    ["122000000000", "122000000000"],
    ["122000000000.0000000000", "122000000000"],
    ["0012.50", "12.5"],
    ["-0.0", "0"],
  ])("%s -> %s", (input, expected) => expect(canonicalDecimal(input)).toBe(expected));
});

describe("qualifierKey", () => {
  it("folds counterparty and basis into one key", () => {
    expect(qualifierKey({ counterpartyKey: "amazon", basis: "upfront" })).toBe("counterparty:amazon|basis:upfront");
    expect(qualifierKey({})).toBe("");
  });
});

describe("factState", () => {
  it("is agreed when every claim states the same value, however written", () => {
    expect(factState([usd("a", "110000000000"), usd("b", "110000000000.00")], null)).toBe("agreed");
  });

  it("is conflicting when two sources disagree", () => {
    expect(factState([usd("a", "110000000000"), usd("b", "122000000000")], null)).toBe("conflicting");
  });

  it("is conflicting when units differ", () => {
    expect(factState([usd("a", "5"), { ...usd("b", "5"), unit: "EUR" }], null)).toBe("conflicting");
  });

  const resolution = { accepted: usd("x", "122000000000"), resolvedAt: new Date("2026-04-01") };

  it("stays resolved while every later claim agrees with the accepted value", () => {
    const claims = [usd("a", "110000000000"), usd("b", "122000000000"), usd("c", "122000000000", new Date("2026-04-02"))];
    expect(factState(claims, resolution)).toBe("resolved");
  });

  it("reopens when a claim confirmed after the resolution contradicts it", () => {
    const claims = [usd("a", "110000000000"), usd("b", "122000000000"), usd("c", "125000000000", new Date("2026-04-02"))];
    expect(factState(claims, resolution)).toBe("conflicting");
  });
});
