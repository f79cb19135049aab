import { describe, expect, it } from "vitest";
import { buildSnapshot, type EvidenceClaim, type EvidenceFact } from "./snapshot";

const article = (title: string) => ({ title, outlet: `${title} Times`, author: null, url: null, publishedAt: "2026-03-01" });
const claim = (value: string, rank: EvidenceClaim["rank"], source: string): EvidenceClaim => ({
  value, low: null, high: null, unit: "USD", rank, valueText: `$${Number(value) / 1e9} billion`,
  citations: [{ exact: `raised $${Number(value) / 1e9} billion`, prefix: "OpenAI ", suffix: " in" }],
  article: article(source),
});
const round: EvidenceFact = {
  id: "f1", subject: "OpenAI", attribute: "funding_round_size", state: "resolved",
  accepted: { value: "122000000000", low: null, high: null, unit: "USD" }, rationale: "The close is later than the announcement.",
  claims: [claim("110000000000", "deprecated", "Early"), claim("122000000000", "preferred", "Late")],
};
const facts = new Map([["f1", round]]);

describe("buildSnapshot", () => {
  const snapshot = buildSnapshot("Brief", {
    sections: [{ heading: "", statements: [
      { text: "OpenAI raised $122 billion.", factIds: ["f1"] },
      { text: "It was the largest private round.", factIds: ["f1", "missing"] },
    ] }],
  }, facts);

  it("numbers each cited fact once, in order of first citation", () => {
    expect(snapshot.sections[0]!.statements.map((s) => s.footnotes)).toEqual([[1], [1]]);
    expect(snapshot.footnotes).toHaveLength(1);
  });

  it("gives the accepted value and the rationale", () => {
    expect(snapshot.footnotes[0]).toMatchObject({ value: "$122 billion", rationale: "The close is later than the announcement.", attribute: "Funding round size" });
  });

  it("cites the sources' quotes, leaving out deprecated claims", () => {
    expect(snapshot.footnotes[0]!.sources.map((s) => [s.outlet, s.quote])).toEqual([["Late Times", "raised $122 billion"]]);
  });
});
