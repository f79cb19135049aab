import { describe, expect, it } from "vitest";
import { canonicalDecimal } from "./decimal";
import { agreementClusters } from "./clusters";
import { factKey, factState, groupIntoFacts, qualifierKey, type FactClaim } from "./facts";
import { reconcileSettings, type ReconcileSettings } from "./settings";

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

describe("factState with stated precision and tolerance", () => {
  const w = (id: string, value: string, valueText: string, confirmedAt = new Date("2026-03-01")): FactClaim => ({ ...usd(id, value, confirmedAt), valueText });

  it.each<[string, FactClaim[], number, "agreed" | "conflicting"]>([
    ["$100B+ and $100.2B agree", [w("a", "100000000000", "$100B+"), w("b", "100200000000", "$100.2B")], 0, "agreed"],
    ["roughly $3 billion and $3.1 billion agree", [w("a", "3000000000", "roughly $3 billion"), w("b", "3100000000", "$3.1 billion")], 0, "agreed"],
    ["$120B and $122B conflict at tolerance 0", [w("a", "120000000000", "$120B"), w("b", "122000000000", "$122B")], 0, "conflicting"],
    ["$120B and $122B agree at tolerance 2%", [w("a", "120000000000", "$120B"), w("b", "122000000000", "$122B")], 0.02, "agreed"],
    ["$3 billion and $4 billion conflict (rounding intervals are half-open)", [w("a", "3000000000", "$3 billion"), w("b", "4000000000", "$4 billion")], 0, "conflicting"],
    ["$100B+, $110B and $122B conflict although $100B+ fits both", [w("a", "100000000000", "$100B+"), w("b", "110000000000", "$110B"), w("c", "122000000000", "$122B")], 0, "conflicting"],
  ])("%s", (_name, claims, tolerance, state) => expect(factState(claims, null, { tolerance })).toBe(state));

  it("keeps a resolution when a later claim agrees within its stated precision", () => {
    const resolution = { accepted: usd("x", "122000000000"), resolvedAt: new Date("2026-04-01") };
    expect(factState([w("c", "122000000000", "about $122 billion", new Date("2026-04-02"))], resolution)).toBe("resolved");
    expect(factState([w("c", "122300000000", "$122.3 billion", new Date("2026-04-02"))], resolution)).toBe("conflicting");
    expect(factState([w("c", "122300000000", "$122.3 billion", new Date("2026-04-02"))], resolution, { tolerance: 0.01 })).toBe("resolved");
  });
});

describe("grouping claims into facts", () => {
  const c = (id: string, subjectKey: string, attribute: string, counterpartyKey = "", basis: string | null = null) => ({ id, subjectKey, attribute, counterpartyKey, basis });

  it("groups by subject, attribute and qualifier key, in first-seen order", () => {
    const groups = groupIntoFacts([
      c("1", "openai", "funding_round_size"),
      c("2", "openai", "investment_amount", "amazon"),
      c("3", "openai", "funding_round_size"),
      c("4", "openai", "investment_amount", "amazon", "upfront"),
      c("5", "openai", "investment_amount", "nvidia"),
      c("6", "anthropic", "funding_round_size"),
      c("7", "openai", "investment_amount", "amazon"),
    ]);
    expect(groups.map((g) => [g.subjectKey, g.attribute, g.qualifierKey, g.claims.map((x) => x.id).join(",")])).toEqual([
      ["openai", "funding_round_size", "", "1,3"],
      ["openai", "investment_amount", "counterparty:amazon", "2,7"],
      ["openai", "investment_amount", "counterparty:amazon|basis:upfront", "4"],
      ["openai", "investment_amount", "counterparty:nvidia", "5"],
      ["anthropic", "funding_round_size", "", "6"],
    ]);
  });

  it("gives the same key the database uses", () => {
    expect(factKey(c("1", "openai", "investment_amount", "amazon", "contingent"))).toMatchObject({ qualifierKey: "counterparty:amazon|basis:contingent" });
  });
});

describe("agreementClusters", () => {
  const w = (id: string, value: string, valueText: string) => ({ ...usd(id, value), valueText });
  it("clusters agreeing values and puts a wide value with the nearest cluster", () => {
    const clusters = agreementClusters([
      w("plus", "100000000000", "$100B+"),
      w("110", "110000000000", "$110 billion"),
      w("122a", "122000000000", "$122 billion"),
      w("100", "100000000000", "$100 billion"),
      w("122b", "122000000000", "$122B"),
    ]);
    expect(clusters.map((x) => [x.label, x.claims.map((y) => y.id).join(",")])).toEqual([
      ["$100 billion", "plus,100"],
      ["$110 billion", "110"],
      ["$122 billion", "122a,122b"],
    ]);
  });
});

describe("reconcileSettings", () => {
  it.each<[string, unknown, Partial<ReconcileSettings>]>([
    ["empty", {}, { tolerance: 0, roundingTolerance: 0.05 }],
    ["top level", { tolerance: 0.02 }, { tolerance: 0.02 }],
    ["nested", { reconcile: { tolerance: "0.01", copySimilarity: 0.9 } }, { tolerance: 0.01, copySimilarity: 0.9 }],
    ["out of range is clamped", { tolerance: 7 }, { tolerance: 0.5 }],
    ["garbage falls back", { tolerance: "lots" }, { tolerance: 0 }],
    ["not an object", null, { tolerance: 0 }],
  ])("%s", (_name, json, expected) => expect(reconcileSettings(json)).toMatchObject(expected));
});
