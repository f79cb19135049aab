import { describe, expect, it } from "vitest";
import { nameKeys, scoreArticle, subjectMatches, type GoldClaim, type Predicted } from "./score";

const gold = (over: Partial<GoldClaim>): GoldClaim => ({
  quote: "$5 billion",
  start: 10,
  end: 20,
  subject: "Acme",
  attribute: "funding_round_size",
  value: "5000000000",
  low: null,
  high: null,
  unit: "USD",
  counterparty: null,
  modality: null,
  basis: null,
  ...over,
});

const pred = (over: Partial<Predicted>): Predicted => ({
  subject: "Acme",
  attribute: "funding_round_size",
  value: "5000000000",
  low: null,
  high: null,
  unit: "USD",
  counterparty: null,
  modality: null,
  basis: null,
  start: 10,
  end: 20,
  valueText: "$5 billion",
  ...over,
});

describe("scoreArticle", () => {
  it("counts a full match and nothing else", () => {
    const r = scoreArticle("a", [gold({})], [pred({})]);
    expect(r.scores).toMatchObject({ matched: 1, precision: 1, recall: 1, f1: 1, valueRecall: 1, spanOverlap: 1, spanIoU: 1 });
  });

  it("matches subjects by entity key and aliases, groups as sets", () => {
    expect(subjectMatches(gold({ subject: "NVIDIA" }), "Nvidia Corp.")).toBe(true);
    expect(subjectMatches(gold({ subject: "Big Tech", aliases: ["Microsoft, Meta and Amazon"] }), "Amazon, Microsoft and Meta")).toBe(true);
    expect(subjectMatches(gold({ subject: "Acme" }), "Beta")).toBe(false);
    expect(nameKeys("Microsoft/NVIDIA")).toEqual(["microsoft", "nvidia"]);
  });

  it("a wrong attribute is a miss and a false positive, but the value was found", () => {
    const r = scoreArticle("a", [gold({})], [pred({ attribute: "valuation" })]);
    expect(r.scores).toMatchObject({ matched: 0, precision: 0, recall: 0, valueRecall: 1 });
    expect(r.missed).toHaveLength(1);
    expect(r.spurious).toHaveLength(1);
  });

  it("a repeated figure is matched to its own occurrence", () => {
    const g = [gold({ start: 10, end: 20 }), gold({ start: 100, end: 110 })];
    const r = scoreArticle("a", g, [pred({ start: 100, end: 110 }), pred({ start: 10, end: 20 })]);
    expect(r.scores.spanOverlap).toBe(1);
    expect(r.scores.matched).toBe(2);
  });

  it("value recall needs an overlapping span; ranges compare low and high", () => {
    const g = gold({ value: null, low: "1", high: "2", unit: "percent" });
    expect(scoreArticle("a", [g], [pred({ value: null, low: "1.0", high: "2", unit: "percent", start: 50, end: 55 })]).scores.valueRecall).toBe(0);
    expect(scoreArticle("a", [g], [pred({ value: null, low: "1.0", high: "2", unit: "percent" })]).scores.valueRecall).toBe(1);
  });

  it("reports qualifier agreement on matched pairs", () => {
    const r = scoreArticle("a", [gold({ counterparty: "Amazon", modality: "contingent" })], [pred({ counterparty: "Amazon.com", modality: null })]);
    expect(r.scores.counterpartyAccuracy).toBe(1);
    expect(r.scores.modalityAccuracy).toBe(0);
    expect(r.qualifierDiffs[0]?.fields).toEqual(["modality"]);
  });
});
