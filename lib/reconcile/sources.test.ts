import { describe, expect, it } from "vitest";
import { independentSources } from "./sources";
import { bn, claim } from "./testing";

const v = (id: string, billions: number, art: [string, string | null, string | null], quote?: string) =>
  claim({ id, value: bn(billions), valueText: `$${billions} billion`, art, ...(quote ? { quote } : {}) });

describe("independentSources", () => {
  it.each([
    [
      "claims in one article count once",
      [v("a", 122, ["x", "AI News", null]), v("b", 122, ["x", "AI News", null])],
      1,
      ["same_article"],
    ],
    [
      "different articles of one outlet count once",
      [v("a", 122, ["x", "Reuters", null]), v("b", 122, ["y", "Reuters", null])],
      1,
      ["same_outlet"],
    ],
    [
      "'according to Reuters' counts with Reuters' own article",
      [v("a", 122, ["x", "Reuters", null]), v("b", 122, ["y", "Tech Blog", null], "The round is $122 billion, according to Reuters.")],
      1,
      ["same_origin"],
    ],
    [
      "two articles attributing to one origin count once",
      [
        v("a", 122, ["x", "Blog A", null], "Bloomberg reported the raise at $122 billion on Monday."),
        v("b", 122, ["y", "Blog B", null], "The raise came to $122 billion, according to Bloomberg."),
      ],
      1,
      ["same_origin"],
    ],
    [
      "near-identical sentences count once",
      [
        v("a", 122, ["x", "Blog A", null], "OpenAI has secured $122 billion in private funding, a staggering sum that places it among the most heavily backed startups."),
        v("b", 122, ["y", "Blog B", null], "OpenAI has secured $122 billion in private funding, a staggering sum which places it among the most heavily backed startups ever."),
      ],
      1,
      ["near_identical_quote"],
    ],
    [
      "independent wording from different outlets counts twice",
      [
        v("a", 122, ["x", "Blog A", null], "OpenAI closed its round at $122 billion, the largest private financing ever."),
        v("b", 122, ["y", "Blog B", null], "Investors committed $122 billion to the ChatGPT maker, the company said on Tuesday."),
      ],
      2,
      [],
    ],
  ])("%s", (_name, claims, count, kinds) => {
    const [support] = independentSources(claims);
    expect(support?.independentSources).toBe(count);
    expect(support?.sources.flatMap((g) => g.links.map((l) => l.kind))).toEqual(kinds);
  });

  it("counts per value and says why", () => {
    const out = independentSources([
      v("r1", 122, ["a1", "Reuters", "2026-03-31"], "OpenAI raised $122 billion, the company said."),
      v("r2", 110, ["a2", "Tech Wire", "2026-02-27"]),
      v("r3", 122, ["a3", "Daily", "2026-04-01"], "OpenAI raised $122 billion, according to Reuters."),
      v("r4", 122, ["a4", "Weekly", "2026-04-02"], "The ChatGPT maker's war chest now stands at $122 billion after a record quarter."),
    ]);
    expect(out.map((s) => [s.label, s.claimIds, s.independentSources])).toEqual([
      ["$122 billion", ["r1", "r3", "r4"], 2],
      ["$110 billion", ["r2"], 1],
    ]);
    expect(out[0]?.sources[0]).toMatchObject({ claimIds: ["r1", "r3"], outlets: ["Reuters", "Daily"], origins: ["Reuters"], links: [{ kind: "same_origin", claimIds: ["r1", "r3"], detail: "Reuters" }] });
  });

  it("treats claims without an article or quote as separate sources", () => {
    const out = independentSources([claim({ id: "a", value: "1", article: null }), claim({ id: "b", value: "1", article: null })]);
    expect(out[0]?.independentSources).toBe(2);
  });

  it("stays fast for hundreds of near-identical claims", () => {
    const claims = Array.from({ length: 500 }, (_, i) =>
      v(`c${i}`, 122, [`art${i}`, `Outlet ${i}`, null], `Outlet ${i % 50} says OpenAI raised $122 billion in its round, number ${i % 3} of the year, led by Amazon and Nvidia.`),
    );
    const start = performance.now();
    const [support] = independentSources(claims);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(support?.independentSources).toBe(1);
  });
});
