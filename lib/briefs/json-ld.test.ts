import { describe, expect, it } from "vitest";
import { jsonLdScript, quantitativeValue, readerJsonLd, summary } from "./json-ld";
import type { BriefSnapshot } from "./snapshot";

const snapshot: BriefSnapshot = {
  title: "How big was the round?",
  sections: [{ heading: "", statements: [{ text: "OpenAI raised $122 billion.", footnotes: [1] }, { text: "Again.", footnotes: [1] }] }],
  footnotes: [{
    n: 1, subject: "OpenAI", attribute: "Funding round size", value: "$122 billion", state: "resolved", rationale: "The close came later.",
    quantity: { value: "122000000000", low: null, high: null, unit: "USD" }, independentSources: 2,
    sources: [
      { title: "OpenAI closes", outlet: "Wire", author: "Ada", url: "https://example.com/a", publishedAt: "2026-03-31", quote: "raised $122 billion", prefix: "", suffix: "", valueText: "$122 billion", rank: "preferred" },
      { title: "OpenAI closes", outlet: "Wire", author: "Ada", url: "https://example.com/a", publishedAt: "2026-03-31", quote: "a $122 billion round", prefix: "", suffix: "", valueText: "$122 billion", rank: "preferred" },
    ],
  }],
};

describe("quantitativeValue", () => {
  it.each([
    [{ value: "122000000000", low: null, high: null, unit: "USD" }, { "@type": "QuantitativeValue", value: 122000000000, unitText: "USD" }],
    [{ value: null, low: "750000000000", high: "830000000000", unit: "USD" }, { "@type": "QuantitativeValue", minValue: 750000000000, maxValue: 830000000000, unitText: "USD" }],
    [{ value: "18", low: null, high: null, unit: "percent" }, { "@type": "QuantitativeValue", value: 18, unitCode: "P1" }],
    [{ value: "2026-03-31", low: null, high: null, unit: "date" }, null],
    [null, null],
  ])("%j", (q, expected) => expect(quantitativeValue(q)).toEqual(expected));
});

describe("readerJsonLd", () => {
  const ld = readerJsonLd(snapshot, { url: "https://x.test/b/tok", publishedAt: "2026-04-01T00:00:00.000Z", number: 2 });
  it("is an Article with one ClaimReview per footnote, its sources listed once", () => {
    expect(ld).toMatchObject({ "@context": "https://schema.org", "@type": "Article", headline: "How big was the round?", version: "2" });
    const parts = ld.hasPart as Record<string, unknown>[];
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({
      "@type": "ClaimReview", claimReviewed: "OpenAI raised $122 billion.", url: "https://x.test/b/tok#fn-1",
      reviewRating: { "@type": "Rating", alternateName: "Accepted: $122 billion, 2 independent sources" },
      itemReviewed: { "@type": "Claim", about: { "@type": "QuantitativeValue", value: 122000000000 }, appearance: [{ url: "https://example.com/a", publisher: { name: "Wire" } }] },
    });
  });

  it("escapes anything that could close the script tag", () => {
    expect(jsonLdScript({ a: "</script><script>alert(1)</script>" })).not.toContain("<");
  });

  it("summarizes the opening statements", () => {
    expect(summary(snapshot)).toBe("OpenAI raised $122 billion. Again.");
    expect(summary(snapshot, 20).length).toBeLessThanOrEqual(20);
  });
});
