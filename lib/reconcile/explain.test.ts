import { describe, expect, it } from "vitest";
import { explainDisagreements, type Disagreement, type ExplanationKind } from "./explain";
import { ARTICLES, bn, claim, seedRoundClaims } from "./testing";
import type { ReconcileClaim } from "./types";

const byValue = (ds: Disagreement[], key: string) => ds.find((d) => d.value.label === key);

describe("explainDisagreements on the seed round size", () => {
  const report = explainDisagreements(seedRoundClaims());

  it("takes the completed $122 billion as the current value", () => {
    expect(report.reference?.label).toBe("$122 billion");
    expect(report.groups.map((g) => g.label)).toEqual(["$100 billion", "$110 billion", "$120 billion", "$122 billion"]);
    expect(report.disagreements).toHaveLength(3);
  });

  it("puts $100B+ and 'up to $100 billion' with the $100 billion claims, not with a later value", () => {
    expect(report.groups[0]?.claimIds).toEqual(["r100-target", "r100-announced", "r100-plus"]);
  });

  it("explains $110 billion as superseded by the completed round, with its evidence", () => {
    const d = byValue(report.disagreements, "$110 billion");
    expect(d?.suggestion.kind).toBe("time");
    expect(d?.suggestion.sentence).toBe("The $110 billion figure (announced, 27 Feb 2026) was superseded by $122 billion (completed, 31 Mar 2026).");
    expect(d?.suggestion.claimIds).toEqual(["r110", "r122-completed"]);
    expect(d?.suggestion.evidence).toMatchObject({ kind: "time", by: "stage", earlier: { stage: "announced", date: "2026-02-27" }, later: { stage: "completed", date: "2026-03-31", dateSource: "as_of" } });
  });

  it("explains $100 billion as the February figure superseded", () => {
    const d = byValue(report.disagreements, "$100 billion");
    expect(d?.suggestion.kind).toBe("time");
    expect(d?.suggestion.sentence).toBe("The $100 billion figure (announced, 1 Feb 2026) was superseded by $122 billion (completed, 31 Mar 2026).");
  });

  it("explains $120 billion by time, and offers rounding as an alternative", () => {
    const d = byValue(report.disagreements, "$120 billion");
    expect(d?.suggestion.kind).toBe("time");
    expect(d?.alternatives.map((e) => e.kind)).toContain("rounding");
    const r = d?.alternatives.find((e) => e.kind === "rounding");
    expect(r?.sentence).toBe("The $120 billion figure looks like $122 billion rounded to the nearest $10 billion (1.6% apart).");
  });

  it("is deterministic", () => {
    expect(explainDisagreements(seedRoundClaims())).toEqual(report);
  });
});

const day = "2026-03-31";
const at = (id: string, outlet: string): [string, string, string] => [id, outlet, day];
const point = (id: string, billions: number | string, valueText: string, extra: Partial<ReconcileClaim> = {}, a?: [string, string, string]) =>
  claim({ id, value: bn(billions), valueText, art: a ?? at(`art-${id}`, `Outlet ${id}`), ...extra });

type Case = { name: string; claims: ReconcileClaim[]; value: string; kind: ExplanationKind; sentence?: RegExp; evidence?: object; claimIds?: string[] };

const cases: Case[] = [
  {
    name: "definition: pre-money vs post-money (basis)",
    claims: [
      point("pre", 730, "$730 billion", { basis: "pre_money", attribute: "valuation" }),
      point("post", 852, "$852 billion", { basis: "post_money", attribute: "valuation", modality: "completed" }),
    ],
    value: "$730 billion",
    kind: "definition",
    sentence: /\$730 billion figure is pre-money and \$852 billion is post-money: they measure different things/,
    evidence: { aspect: "basis", value: ["pre_money"], against: ["post_money"] },
    claimIds: ["pre", "post"],
  },
  {
    name: "definition: basis read from the sentence when not labelled",
    claims: [
      point("pre", 730, "$730 billion", { attribute: "valuation", quote: "set against a $730 billion pre-money valuation." }),
      point("post", 852, "$852 billion", { attribute: "valuation", quote: "securing $122 billion in committed capital at a post-money valuation of $852 billion" }),
    ],
    value: "$852 billion",
    kind: "definition",
  },
  {
    name: "definition: upfront vs total",
    claims: [
      point("up", 15, "$15 billion", { basis: "upfront", attribute: "investment_amount" }),
      point("total", 50, "$50 billion", { basis: "total", attribute: "investment_amount" }, at("art-total", "Outlet total")),
      point("total2", 50, "$50 billion", { attribute: "investment_amount", basis: "total" }),
    ],
    value: "$15 billion",
    kind: "definition",
    sentence: /upfront and \$50 billion is total/,
  },
  {
    name: "definition: run-rate vs annual revenue (attribute)",
    claims: [point("rr", 9, "$9 billion", { attribute: "run_rate_revenue" }), point("rev", 4, "$4 billion", { attribute: "revenue" })],
    value: "$4 billion",
    kind: "definition",
    sentence: /annual and \$9 billion is run-rate/,
  },
  {
    name: "definition: different currencies",
    claims: [point("usd", 5, "$5 billion"), { ...point("eur", 5, "€5 billion"), unit: "EUR" }],
    value: "€5 billion",
    kind: "definition",
    evidence: { aspect: "unit" },
  },
  {
    name: "time: a later stage supersedes (target → completed)",
    claims: [point("t", 100, "$100 billion", { modality: "target" }), point("c", 122, "$122 billion", { modality: "completed" })],
    value: "$100 billion",
    kind: "time",
    evidence: { by: "stage", earlier: { stage: "target" }, later: { stage: "completed" } },
  },
  {
    name: "time: a later as-of date supersedes (no stages)",
    claims: [
      point("old", 3, "$3 billion", { attribute: "headcount", asOf: "2025-06-30" }),
      point("new", 4, "$4 billion", { attribute: "headcount", asOf: "2025-12-31" }),
    ],
    value: "$3 billion",
    kind: "time",
    sentence: /^The \$3 billion figure \(30 Jun 2025\) was superseded by \$4 billion \(31 Dec 2025\)\.$/,
    evidence: { by: "date" },
  },
  {
    name: "time: a figure the sentence calls past is superseded, whatever its stage",
    claims: [
      point("old", 300, "$300 billion", { attribute: "valuation", modality: "completed", quote: "OpenAI’s previous raise closed at $40 billion against a $300 billion valuation, then a record." }),
      point("new", 830, "$830B", { attribute: "valuation", modality: "announced" }),
    ],
    value: "$300 billion",
    kind: "time",
    sentence: /^The \$300 billion figure is described as a past one \(“previous”\) and was superseded by \$830 billion \(announced, 31 Mar 2026\)\.$/,
    evidence: { by: "context", cue: "previous" },
  },
  {
    name: "rounding: one figure is the other rounded",
    claims: [point("coarse", 120, "$120B"), point("fine", 122, "$122 billion"), point("fine2", 122, "$122B")],
    value: "$120 billion",
    kind: "rounding",
    evidence: { mode: "rounded", step: "10000000000" },
  },
  {
    name: "rounding: approximate wording",
    claims: [point("about", 115, "about $115 billion"), point("exact", 122, "$122 billion"), point("exact2", 122, "$122 billion")],
    value: "$115 billion",
    kind: "rounding",
    sentence: /stated approximately/,
    evidence: { mode: "approximate" },
  },
  {
    name: "rounding: within the looser rounding tolerance",
    claims: [point("a", 121, "$121 billion"), point("b", 122, "$122 billion"), point("c", 122, "$122 billion")],
    value: "$121 billion",
    kind: "rounding",
    evidence: { mode: "close" },
  },
  {
    name: "copied: near-identical sentences with different figures",
    claims: [
      point("copy", 150, "$150 billion", { quote: "OpenAI has secured $150 billion in private funding, a staggering sum that places it among the most heavily backed startups." }),
      point("orig", 122, "$122 billion", { quote: "OpenAI has secured $122 billion in private funding, a staggering sum that places it among the most heavily backed startups." }),
      point("other", 122, "$122 billion", { quote: "The round closed on Tuesday with Amazon, Nvidia and SoftBank as anchors." }),
    ],
    value: "$150 billion",
    kind: "copied",
    evidence: { mode: "near_identical" },
    claimIds: ["copy", "orig"],
  },
  {
    name: "copied: the same attributed origin",
    claims: [
      point("viaReuters", 150, "$150 billion", { quote: "The round totals $150 billion, according to Reuters." }),
      point("reuters", 122, "$122 billion", {}, at("reuters-article", "Reuters")),
      point("other", 122, "$122 billion"),
    ],
    value: "$150 billion",
    kind: "copied",
    sentence: /trace back to Reuters/,
    evidence: { mode: "same_origin", origin: "Reuters" },
  },
  {
    name: "copied: every article giving the outlier repeats one source",
    claims: [
      point("x1", 150, "$150 billion", { quote: "Sources say the company has now raised $150 billion from its three largest backers this spring." }),
      point("x2", 150, "$150 billion", { quote: "Sources say the company has now raised $150 billion from its three biggest backers this spring." }),
      point("y1", 122, "$122 billion", { quote: "The round closed on Tuesday with Amazon, Nvidia and SoftBank as anchors." }),
      point("y2", 122, "$122 billion", { quote: "OpenAI confirmed the final size of the round in a blog post." }),
      point("y3", 122, "$122 billion", { quote: "Investors committed a record sum to the ChatGPT maker." }),
    ],
    value: "$150 billion",
    kind: "copied",
    evidence: { mode: "single_origin" },
    sentence: /All 2 articles giving \$150 billion trace back to one source \(near-identical wording\), so it counts once against \$122 billion \(3 independent sources\)/,
  },
  {
    name: "likely_error: the outlier nothing else covers",
    claims: [point("odd", 150, "$150 billion"), point("a", 122, "$122 billion"), point("b", 122, "$122 billion")],
    value: "$150 billion",
    kind: "likely_error",
    sentence: /^\$150 billion \(1 source\) disagrees with \$122 billion \(2 independent sources\).*the \$150 billion figure is likely an error\.$/,
    evidence: { sources: 1, againstSources: 2 },
  },
];

describe("explainDisagreements: each kind", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const report = explainDisagreements(c.claims);
    const d = byValue(report.disagreements, c.value);
    expect(d, `no disagreement for ${c.value}; got ${report.disagreements.map((x) => x.value.label).join(", ")}`).toBeDefined();
    expect(d?.suggestion.kind).toBe(c.kind);
    if (c.sentence) expect(d?.suggestion.sentence).toMatch(c.sentence);
    if (c.evidence) expect(d?.suggestion.evidence).toMatchObject(c.evidence);
    if (c.claimIds) expect(d?.suggestion.claimIds).toEqual(c.claimIds);
    for (const id of d?.suggestion.claimIds ?? []) expect(c.claims.map((x) => x.id)).toContain(id);
  });
});

describe("explainDisagreements: agreement", () => {
  it("has nothing to explain when every value agrees", () => {
    const report = explainDisagreements([point("a", 122, "$122 billion"), point("b", 122, "$122B"), point("c", 122.2, "$122.2 billion", { valueText: "about $122.2 billion" })]);
    expect(report.groups).toHaveLength(1);
    expect(report.disagreements).toEqual([]);
  });

  it("honours the workspace tolerance", () => {
    const claims = [point("a", 120, "$120B"), point("b", 122, "$122B")];
    expect(explainDisagreements(claims).disagreements).toHaveLength(1);
    expect(explainDisagreements(claims, { tolerance: 0.02 }).disagreements).toHaveLength(0);
  });

  it("handles no claims", () => {
    expect(explainDisagreements([])).toEqual({ groups: [], reference: null, disagreements: [] });
  });
});

describe("explainDisagreements: speed", () => {
  it("explains a fact with 600 claims in well under a second", () => {
    const outlets = Object.values(ARTICLES);
    const claims: ReconcileClaim[] = Array.from({ length: 600 }, (_, i) => {
      const v = [100, 110, 120, 122, 150][i % 5] as number;
      const [, outlet, published] = outlets[i % outlets.length] as readonly [string, string, string];
      return claim({
        id: `c${i}`,
        value: bn(v),
        valueText: `$${v} billion`,
        modality: (["target", "announced", "announced", "completed", null] as const)[i % 5],
        art: [`art${i % 97}`, `${outlet} ${i % 31}`, published],
        quote: `Report ${i}: according to sources close to deal number ${i % 13}, OpenAI's round of $${v} billion drew word ${i} and phrase ${i % 7} together.`,
      });
    });
    const start = performance.now();
    const report = explainDisagreements(claims);
    const ms = performance.now() - start;
    expect(report.groups).toHaveLength(5);
    expect(ms).toBeLessThan(1000);
  });
});

describe("explainDisagreements: rounding needs close figures", () => {
  it("does not call 2 and 3 (a third apart) the same figure rounded, though their rounding intervals touch", () => {
    const report = explainDisagreements([point("two", 2, "$2 billion"), point("three", 3, "$3 billion"), point("three2", 3, "$3 billion")]);
    const kinds = report.disagreements.flatMap((d) => [d.suggestion.kind, ...d.alternatives.map((a) => a.kind)]);
    expect(kinds).not.toContain("rounding");
  });
});
