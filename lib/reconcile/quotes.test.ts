import { describe, expect, it } from "vitest";
import { attributedOrigin, quoteSimilarity, quoteTokens, sourceKey } from "./quotes";

describe("quoteTokens", () => {
  it("masks figures and folds case and punctuation", () => {
    expect(quoteTokens("OpenAI’s $122 billion raise, at an $852B valuation (18%).")).toEqual(["openai's", "#", "raise", "at", "an", "#", "valuation", "#"]);
  });
});

describe("quoteSimilarity", () => {
  const original = "OpenAI has secured $110 billion in private funding, a staggering sum that places the company among the most heavily backed startups ever.";
  it.each([
    ["the same sentence", original, 1],
    ["a different figure in the same sentence", original.replace("$110 billion", "$120B"), 1],
    ["a light edit", original.replace("a staggering sum", "an enormous sum"), 0.85],
    ["an unrelated sentence", "Amazon is in advanced negotiations to invest as much as $50 billion in OpenAI.", 0],
  ])("%s", (_name, other, atLeast) => {
    const s = quoteSimilarity(original, other);
    if (atLeast === 0) expect(s).toBeLessThan(0.2);
    else expect(s).toBeGreaterThanOrEqual(atLeast);
  });

  it("is symmetric", () => {
    const b = "OpenAI secured $110 billion in private funding, a sum that places it among the most backed startups.";
    expect(quoteSimilarity(original, b)).toBe(quoteSimilarity(b, original));
  });
});

describe("attributedOrigin", () => {
  it.each([
    ["The deal values the company at $852 billion, according to Reuters.", "reuters"],
    ["According to a report from Bloomberg News, the round is $122 billion.", "bloomberg news"],
    ["The Information previously reported that a further $35 billion could be contingent.", "information"],
    ["Reuters reported the round at $110 billion.", "reuters"],
    ["The round was first reported by the Wall Street Journal on Friday.", "wall street journal"],
    ["SAN FRANCISCO (Reuters) - OpenAI raised $122 billion.", "reuters"],
    ["According to OpenAI’s official announcement, the money will be used for compute.", "openai"],
    ["The company raised $122 billion, citing CNBC sources.", "cnbc"],
    ["OpenAI raised $122 billion, people familiar with the matter said.", null],
    ["According to people familiar with the matter, the round is $100 billion.", null],
    ["It reported revenue of $9 billion.", null],
  ])("%s -> %s", (quote, key) => expect(attributedOrigin(quote)?.key ?? null).toBe(key));
});

describe("sourceKey", () => {
  it.each([
    ["The Information", "information"],
    ["reuters.com", "reuters"],
    ["Reuters", "reuters"],
    ["  Wall Street Journal ", "wall street journal"],
    ["", null],
  ])("%j -> %j", (name, key) => expect(sourceKey(name)).toBe(key));
});
