// Test builders for reconciliation: claims shaped like the seed articles' (OpenAI's 2026
// round), without a database. Used by the unit tests only.

import type { ReconcileClaim } from "./types";

export const BILLION = 1_000_000_000n;
export const bn = (n: number | string): string => {
  const [whole = "0", fraction = ""] = String(n).split(".");
  return (BigInt(whole + fraction.padEnd(9, "0").slice(0, 9))).toString();
};

export type ClaimInit = Partial<ReconcileClaim> & { id: string };

let articleSeq = 0;
/** A USD claim; `article` may be given as [id, outlet, publishedAt]. */
export function claim(init: ClaimInit & { art?: [string, string | null, string | null] }): ReconcileClaim {
  const { art, ...rest } = init;
  return {
    value: null,
    low: null,
    high: null,
    unit: "USD",
    subjectKey: "openai",
    attribute: "funding_round_size",
    article: art ? { id: art[0], outlet: art[1], publishedAt: art[2] } : { id: `article-${++articleSeq}`, outlet: null, publishedAt: null },
    ...rest,
  };
}

export const ARTICLES = {
  blog: ["a004", "Daily AI Blog", "2026-02-01"],
  announce: ["a001", "Tech Wire", "2026-02-27"],
  techmeme: ["a002", "Techmeme", "2026-03-02"],
  ainews: ["a003", "AI News", "2026-03-31"],
  pulse: ["a000", "VC Pulse", "2026-04-02"],
} as const satisfies Record<string, [string, string, string]>;

const art = (k: keyof typeof ARTICLES): [string, string, string] => [...ARTICLES[k]];

/** The round-size claims of the five seed articles, as a reviewer would confirm them. */
export function seedRoundClaims(): ReconcileClaim[] {
  return [
    claim({ id: "r100-target", value: bn(100), valueText: "$100 billion", modality: "target", art: art("blog"),
      quote: "OpenAI is seeking up to $100 billion in this funding round" }),
    claim({ id: "r100-announced", value: bn(100), valueText: "$100B", modality: "announced", asOf: "2026-02-01", art: art("blog"),
      quote: "NVIDIA CEO Jensen Huang announces “largest investment ever” in OpenAI’s $100B funding round at $830B valuation" }),
    claim({ id: "r100-plus", value: bn(100), valueText: "$100B+", art: art("blog"),
      quote: "Unprecedented Capital Concentration: The potential $100B+ flowing into OpenAI alone—from NVIDIA, Amazon, Microsoft, and SoftBank—represents the largest private funding effort in technology history." }),
    claim({ id: "r110", value: bn(110), valueText: "$110 billion", modality: "announced", art: art("announce"),
      quote: "OpenAI has secured $110 billion in private funding, a staggering sum that places the company among the most heavily backed startups ever." }),
    claim({ id: "r120", value: bn(120), valueText: "$120B", modality: "announced", art: art("techmeme"),
      quote: "OpenAI Secures Record-Breaking $120B Funding: A New Era of AWS Partnership and Infrastructure Dominance" }),
    claim({ id: "r122-completed", value: bn(122), valueText: "$122 billion", modality: "completed", asOf: "2026-03-31", art: art("ainews"),
      quote: "On March 31st 2026 OpenAI published an announcement of unusual weight: the company said it had completed its latest funding round, securing $122 billion in committed capital at a post-money valuation of $852 billion" }),
    claim({ id: "r122-pulse", value: bn(122), valueText: "$122 billion", art: art("pulse"),
      quote: "OpenAI’s $122 billion raise — backed by Amazon, Nvidia, and SoftBank — is the largest private financing in the history of the technology industry." }),
  ];
}
