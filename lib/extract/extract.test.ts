import { describe, expect, it } from "vitest";
import { EXTRACTOR, extractClaims, type Suggestion } from "./index";

const published = { publishedAt: new Date("2026-03-02T12:00:00Z") };

type Want = Partial<Suggestion> & { valueText: string };

/** Named inline texts; each expected suggestion is matched on the fields it lists. */
const CASES: Array<{ name: string; text: string; want: Want[]; absent?: string[] }> = [
  {
    name: "round size with the raiser as subject",
    text: "Stripe raised $6.5 billion in new funding.",
    want: [{ valueText: "$6.5 billion", subject: "Stripe", attribute: "funding_round_size", value: "6500000000", unit: "USD" }],
  },
  {
    name: "possessive raise",
    text: "Analysts said OpenAI’s $122 billion raise is a record.",
    want: [{ valueText: "$122 billion", subject: "OpenAI", attribute: "funding_round_size" }],
  },
  {
    name: "pre-money valuation",
    text: "Acme raised $10 billion at a $90 billion pre-money valuation.",
    want: [
      { valueText: "$10 billion", subject: "Acme", attribute: "funding_round_size" },
      { valueText: "$90 billion", subject: "Acme", attribute: "valuation_pre_money", basis: "pre_money" },
    ],
  },
  {
    name: "post-money valuation after the figure",
    text: "Anthropic was valued at $61.5 billion post-money.",
    want: [{ valueText: "$61.5 billion", subject: "Anthropic", attribute: "valuation_post_money", basis: "post_money" }],
  },
  {
    name: "value X at a range",
    text: "The round could value Databricks at approximately $750-830 billion.",
    want: [{ valueText: "$750-830 billion", subject: "Databricks", attribute: "valuation", value: null, low: "750000000000", high: "830000000000", modality: "target" }],
  },
  {
    name: "investor after 'from'",
    text: "OpenAI said the round includes $50 billion from Amazon.",
    want: [{ valueText: "$50 billion", subject: "OpenAI", attribute: "investment_amount", counterparty: "Amazon" }],
  },
  {
    name: "each from two investors",
    text: "Acme closed the round. It includes $30 billion each from Nvidia and SoftBank.",
    want: [
      { valueText: "$30 billion", subject: "Acme", attribute: "investment_amount", counterparty: "Nvidia" },
      { valueText: "$30 billion", subject: "Acme", attribute: "investment_amount", counterparty: "SoftBank" },
    ],
  },
  {
    name: "investor as subject, investee after 'in'",
    text: "Amazon is in talks to invest up to $50 billion in OpenAI.",
    want: [{ valueText: "$50 billion", subject: "OpenAI", attribute: "investment_amount", counterparty: "Amazon", modality: "in_talks" }],
  },
  {
    name: "possessive investor",
    text: "OpenAI expanded its round. SoftBank’s $30 billion bet aligns with its thesis.",
    want: [{ valueText: "$30 billion", subject: "OpenAI", attribute: "investment_amount", counterparty: "SoftBank" }],
  },
  {
    name: "upfront and contingent parts of a commitment",
    text: "Acme raised a record round. Amazon: Leading the charge with a $50 billion commitment ($15 billion upfront, with $35 billion contingent on specific milestones).",
    want: [
      { valueText: "$50 billion", subject: "Acme", attribute: "investment_amount", counterparty: "Amazon", basis: "total" },
      { valueText: "$15 billion", subject: "Acme", attribute: "investment_amount", counterparty: "Amazon", basis: "upfront" },
      { valueText: "$35 billion", subject: "Acme", attribute: "investment_amount", counterparty: "Amazon", basis: "contingent", modality: "contingent" },
    ],
  },
  {
    name: "stake in percent",
    text: "SoftBank previously invested $30 billion for an 11% stake in OpenAI.",
    want: [
      { valueText: "$30 billion", subject: "OpenAI", attribute: "investment_amount", counterparty: "SoftBank" },
      { valueText: "11%", subject: "OpenAI", attribute: "stake", counterparty: "SoftBank", unit: "percent", value: "11" },
    ],
  },
  {
    name: "'the company' resolves to the last subject",
    text: "Databricks hired a new CFO. The company now has 1,200 employees and expects $3 billion in revenue.",
    want: [
      { valueText: "1,200", subject: "Databricks", attribute: "headcount", unit: "count" },
      { valueText: "$3 billion", subject: "Databricks", attribute: "revenue" },
    ],
  },
  {
    name: "run-rate revenue",
    text: "Anthropic’s revenue run rate surpassed $9 billion by December 2025.",
    want: [{ valueText: "$9 billion", subject: "Anthropic", attribute: "run_rate_revenue", basis: "run_rate", asOf: "2025-12-01" }],
  },
  {
    name: "capital expenditure range with label",
    text: "Meta reported results.\nCapital Expenditures: $115-135 billion (vs. street estimate of $110.6B)",
    want: [
      { valueText: "$115-135 billion", subject: "Meta", attribute: "capital_expenditure", low: "115000000000", high: "135000000000" },
      { valueText: "$110.6B", subject: "Meta", attribute: "capital_expenditure", modality: "estimate" },
    ],
  },
  {
    name: "market share",
    text: "In chatbots, DeepSeek holds about 4% market share.",
    want: [{ valueText: "4%", subject: "DeepSeek", attribute: "market_share", unit: "percent" }],
  },
  {
    name: "compute capacity",
    text: "OpenAI has committed to consuming at least 2 GW of Trainium compute.",
    want: [{ valueText: "2 GW", subject: "OpenAI", attribute: "compute_capacity", unit: "GW", value: "2" }],
  },
  {
    name: "users",
    text: "Codex now has 1.6 million weekly users, OpenAI said.",
    want: [{ valueText: "1.6 million", attribute: "users", value: "1600000", unit: "count" }],
  },
  {
    name: "modality words",
    text: "Acme is seeking $2 billion. Beta completed a $1 billion round. Gamma reportedly raised $3 billion. Delta announced a $4 billion raise.",
    want: [
      { valueText: "$2 billion", subject: "Acme", modality: "target" },
      { valueText: "$1 billion", subject: "Beta", modality: "completed" },
      { valueText: "$3 billion", subject: "Gamma", modality: "reported" },
      { valueText: "$4 billion", subject: "Delta", modality: "announced" },
    ],
  },
  {
    name: "approximately and up to",
    text: "Acme has raised roughly $3 billion and could receive up to $5 billion more from Beta.",
    want: [
      { valueText: "$3 billion", modality: "completed" },
      { valueText: "$5 billion", counterparty: "Beta", attribute: "investment_amount" },
    ],
  },
  {
    name: "approximately without event words",
    text: "Acme’s revenue was about $3 billion.",
    want: [{ valueText: "$3 billion", subject: "Acme", attribute: "revenue", modality: "approximately" }],
  },
  {
    name: "dates relative to the publication date",
    text: "Acme announced the round on Feb. 27 and closed it on March 31.",
    want: [
      { valueText: "Feb. 27", subject: "Acme", attribute: "announcement_date", value: "2026-02-27", unit: "date" },
      { valueText: "March 31", subject: "Acme", attribute: "closing_date", value: "2026-03-31", unit: "date" },
    ],
  },
  {
    name: "as-of from the sentence's date",
    text: "On March 31st 2026 Acme said it had completed its round, securing $122 billion at a post-money valuation of $852 billion.",
    want: [
      { valueText: "$122 billion", subject: "Acme", attribute: "funding_round_size", asOf: "2026-03-31", modality: "completed" },
      { valueText: "$852 billion", subject: "Acme", attribute: "valuation_post_money", asOf: "2026-03-31" },
    ],
  },
  {
    name: "table rows use their header and row label",
    text: "Spending plans:\n| Company | 2026 Capex (Est.) |\n|---|---|\n| Amazon | $146B+ |\n| Meta | $115-135B |",
    want: [
      { valueText: "$146B+", subject: "Amazon", attribute: "capital_expenditure", modality: "estimate", value: "146000000000" },
      { valueText: "$115-135B", subject: "Meta", attribute: "capital_expenditure", low: "115000000000" },
    ],
  },
  {
    name: "a change is not a level",
    text: "Acme’s valuation soared to $840 billion, a $340 billion increase.",
    want: [
      { valueText: "$840 billion", subject: "Acme", attribute: "valuation" },
      { valueText: "$340 billion", attribute: "valuation_change", value: "340000000000" },
    ],
  },
  {
    name: "quoted headline inside a sentence",
    text: "According to Reuters’ report, “Beta raises $10 billion at $200 billion valuation, CNBC reports”, Acme’s valuation has reached $380 billion.",
    want: [
      { valueText: "$10 billion", subject: "Beta", attribute: "funding_round_size", modality: "reported" },
      { valueText: "$200 billion", subject: "Beta", attribute: "valuation" },
      { valueText: "$380 billion", subject: "Acme", attribute: "valuation" },
    ],
  },
  {
    name: "no bare years or small numbers",
    text: "Acme was founded in 2015 and has 3 offices across 12 regions.",
    want: [],
    absent: ["2015", "3", "12"],
  },
];

describe("extractClaims on named texts", () => {
  it.each(CASES)("$name", ({ text, want, absent }) => {
    const got = extractClaims(text, published);
    for (const w of want) {
      const candidates = got.filter((s) => s.valueText === w.valueText && (w.counterparty === undefined || s.counterparty === w.counterparty));
      expect(candidates, `${w.valueText} in ${JSON.stringify(got.map((s) => [s.valueText, s.subject, s.attribute, s.counterparty]))}`).not.toHaveLength(0);
      expect(candidates[0]).toMatchObject(w);
    }
    for (const a of absent ?? []) expect(got.map((s) => s.valueText)).not.toContain(a);
    for (const s of got) {
      expect(text.slice(s.start, s.end)).toBe(s.valueText);
      expect(s.start).toBeGreaterThanOrEqual(s.sentenceStart);
      expect(s.end).toBeLessThanOrEqual(s.sentenceEnd);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe("extractClaims contract", () => {
  it("names the extractor", () => {
    expect(EXTRACTOR).toEqual({ name: "corroborate-rules", version: "0.9.0" });
  });

  it("returns nothing for empty or figure-free text", () => {
    expect(extractClaims("")).toEqual([]);
    expect(extractClaims("Acme met Beta in Paris. They talked.")).toEqual([]);
  });

  it("uses UTF-16 offsets (emoji and curly quotes before a figure)", () => {
    const text = "💰 “Acme” news. Acme’s 🚀 round: Acme raised $5 billion.";
    const [s] = extractClaims(text);
    expect(s && text.slice(s.start, s.end)).toBe("$5 billion");
  });

  it("is deterministic", () => {
    const text = CASES.map((c) => c.text).join("\n\n");
    expect(extractClaims(text, published)).toEqual(extractClaims(text, published));
  });

  it("ranks strong evidence above fallbacks", () => {
    const [strong] = extractClaims("Acme raised $5 billion in new funding.");
    const weak = extractClaims("Acme hired staff. Then came $5 billion.").find((s) => s.valueText === "$5 billion");
    expect(strong && weak && strong.confidence > weak.confidence).toBe(true);
  });
});
