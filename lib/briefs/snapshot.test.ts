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

describe("buildSnapshot, the evidence card", () => {
  const outletClaim = (outlet: string, id: string): EvidenceClaim => ({
    ...claim("122000000000", "preferred", outlet), id, rankReason: "The close is later than the announcement.",
    article: { ...article(outlet), outlet: `${outlet} Times` },
  });
  const fact: EvidenceFact = {
    ...round, claims: [claim("110000000000", "deprecated", "Early"), outletClaim("Late", "c1"), outletClaim("Later", "c2"), { ...outletClaim("Late", "c3"), article: { ...article("Late again"), outlet: "Late Times" } }],
  };
  const built = buildSnapshot("Brief", { sections: [{ heading: "", statements: [{ text: "Raised.", factIds: ["f1"] }] }] }, new Map([["f1", fact]]), {
    overrideNote: "Note.", overriddenFactIds: new Set(["f1"]), changeNote: "Changed.",
  });

  it("keeps the exact accepted value and counts an outlet's two articles as one source", () => {
    expect(built.footnotes[0]).toMatchObject({ quantity: { value: "122000000000", unit: "USD" }, independentSources: 2, overridden: true });
    expect(built.footnotes[0]!.sources[0]).toMatchObject({ rankReason: "The close is later than the announcement." });
    expect(built).toMatchObject({ overrideNote: "Note.", changeNote: "Changed." });
  });

  it("leaves claim ids out", () => {
    expect(JSON.stringify(built)).not.toMatch(/"c[123]"/);
  });

  it("gives no quantity when the sources disagree and nothing is accepted", () => {
    const open: EvidenceFact = { ...round, state: "conflicting", accepted: null, claims: [claim("110000000000", "normal", "A"), claim("122000000000", "normal", "B")] };
    const s = buildSnapshot("B", { sections: [{ heading: "", statements: [{ text: "x", factIds: ["f1"] }] }] }, new Map([["f1", open]]));
    expect(s.footnotes[0]).toMatchObject({ value: "$110 billion or $122 billion", quantity: null, overridden: false });
  });
});

describe("buildSnapshot, a fact resolved to a timeline", () => {
  const announced = { ...claim("2000000000", "normal", "Wire"), id: "c-ann" };
  const closed = { ...claim("2500000000", "normal", "Times"), id: "c-close" };
  const fact: EvidenceFact = {
    ...round, accepted: null, unit: "USD", claims: [announced, closed],
    timeline: [
      { value: "2000000000", low: null, high: null, asOf: "2026-05-04", modality: "announced", claimIds: ["c-ann"] },
      { value: "2500000000", low: null, high: null, asOf: "2026-06-10", modality: "completed", claimIds: ["c-close"] },
    ],
  };
  const built = buildSnapshot("B", { sections: [{ heading: "", statements: [{ text: "x", factIds: ["f1"] }] }] }, new Map([["f1", fact]]));

  it("gives each value of the timeline with its date, stage and the sources behind it", () => {
    const note = built.footnotes[0]!;
    expect(note.value).toBe("$2 billion (announced, May 2026) → $2.5 billion (completed, June 2026)");
    expect(note.timeline).toEqual([
      { value: "$2 billion", quantity: { value: "2000000000", low: null, high: null, unit: "USD" }, asOf: "2026-05-04", modality: "announced", sources: [0] },
      { value: "$2.5 billion", quantity: { value: "2500000000", low: null, high: null, unit: "USD" }, asOf: "2026-06-10", modality: "completed", sources: [1] },
    ]);
    expect(note.sources.map((s) => s.outlet)).toEqual(["Wire Times", "Times Times"]);
  });

  it("states the latest value as the quantity, and keeps claim ids out", () => {
    expect(built.footnotes[0]!.quantity).toEqual({ value: "2500000000", low: null, high: null, unit: "USD" });
    expect(JSON.stringify(built)).not.toContain("c-ann");
  });

  it("writes no timeline for a fact with one accepted value", () => {
    const single = buildSnapshot("B", { sections: [{ heading: "", statements: [{ text: "x", factIds: ["f1"] }] }] }, facts);
    expect(single.footnotes[0]!.timeline).toBeNull();
  });
});
