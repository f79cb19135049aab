import { describe, expect, it } from "vitest";
import { draftSentence, draftStatements, type DraftFact } from "./draft";

const usd = (value: string) => ({ value, low: null, high: null, unit: "USD" });
const fact = (patch: Partial<DraftFact>): DraftFact => ({
  id: "f1", subject: "OpenAI", attribute: "funding_round_size", state: "resolved", accepted: usd("122000000000"), counterparty: null, basis: null, setAside: [], ...patch,
});

describe("draftSentence", () => {
  it.each([
    ["a round size", fact({}), "OpenAI raised $122 billion in its funding round."],
    ["the figures set aside", fact({ setAside: [usd("110000000000"), usd("100000000000"), usd("110000000000")] }), "OpenAI raised $122 billion in its funding round; earlier reports gave $110 billion or $100 billion."],
    ["a post-money valuation", fact({ attribute: "valuation_post_money", accepted: usd("852000000000") }), "OpenAI was valued at $852 billion after the round."],
    ["an investor's amount", fact({ attribute: "investment_amount", counterparty: "Amazon", accepted: usd("50000000000") }), "Amazon invested $50 billion in OpenAI."],
    ["a range", fact({ attribute: "valuation", accepted: { value: null, low: "750000000000", high: "830000000000", unit: "USD" } }), "OpenAI was valued at $750 billion – $830 billion."],
    ["any other attribute", fact({ attribute: "compute_capacity", accepted: { value: "10", low: null, high: null, unit: "GW" }, basis: "planned" }), "OpenAI’s compute capacity (planned) was 10 GW."],
  ])("%s", (_name, f, sentence) => expect(draftSentence(f)).toBe(sentence));

  it("writes nothing for a conflicting fact or one without a value", () => {
    expect(draftSentence(fact({ state: "conflicting" }))).toBeNull();
    expect(draftSentence(fact({ accepted: null }))).toBeNull();
  });
});

describe("draftStatements", () => {
  it("gives one statement per fact, citing it, in the order chosen", () => {
    expect(draftStatements([fact({ id: "b", attribute: "valuation_post_money", accepted: usd("852000000000") }), fact({ id: "x", state: "conflicting" }), fact({ id: "a" })])).toEqual([
      { text: "OpenAI was valued at $852 billion after the round.", factIds: ["b"] },
      { text: "OpenAI raised $122 billion in its funding round.", factIds: ["a"] },
    ]);
  });
});

describe("draftSentence, a fact resolved to a timeline", () => {
  const entry = (value: string | null, asOf: string | null, modality: string | null) => ({ value, low: null, high: null, asOf, modality, claimIds: [] });
  const timeline = [entry("2000000000", "2026-05-04", "announced"), entry("2500000000", "2026-06-10", "completed")];

  it("tells the values in order, each with its stage and month", () => {
    expect(draftSentence(fact({ accepted: null, unit: "USD", timeline }))).toBe(
      "OpenAI’s funding round was announced at $2 billion in May 2026, and closed at $2.5 billion in June 2026.",
    );
  });

  it("names the investor for an investment, and reads a value without stage or date plainly", () => {
    expect(draftSentence(fact({ attribute: "investment_amount", counterparty: "Amazon", unit: "USD", timeline: [entry("10000000000", null, null), entry("50000000000", "2026-02-27", "completed")] }))).toBe(
      "Amazon’s investment in OpenAI was $10 billion, and closed at $50 billion in February 2026.",
    );
  });

  it("writes three stages as a list and skips entries without a value", () => {
    const three = [entry("1000000000", "2026-01-10", "target"), entry(null, "2026-02-01", "reported"), entry("2000000000", "2026-05-04", "announced"), entry("2500000000", "2026-06-10", "completed")];
    expect(draftSentence(fact({ subject: "Quasar Labs", unit: "USD", timeline: three }))).toBe(
      "Quasar Labs’ funding round was targeted at $1 billion in January 2026, was announced at $2 billion in May 2026, and closed at $2.5 billion in June 2026.",
    );
  });

  it("still writes nothing for a conflicting fact", () => {
    expect(draftSentence(fact({ state: "conflicting", timeline }))).toBeNull();
  });
});
