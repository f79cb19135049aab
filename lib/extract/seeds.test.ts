import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractClaims, type Suggestion } from "./index";

// The five real articles shared by every checkout; copies live in prisma/seed/articles.
const SHARED = path.resolve(process.cwd(), "../shared/seeds");
const COPIES = path.resolve(process.cwd(), "prisma/seed/articles");
const DIR = existsSync(SHARED) ? SHARED : COPIES;

const seeds: Array<[string, string]> = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => [f, readFileSync(path.join(DIR, f), "utf8")])
  : [];

const seed = (prefix: string): string => {
  const found = seeds.find(([name]) => name.startsWith(prefix));
  if (!found) throw new Error(`seed ${prefix}_* not found in ${DIR}`);
  return found[1];
};

type Expect = Partial<Suggestion>;

/** Does some suggestion carry all of these fields? */
const has = (out: Suggestion[], want: Expect): boolean =>
  out.some((s) => Object.entries(want).every(([k, v]) => s[k as keyof Suggestion] === v));

const describeFound = (out: Suggestion[]): string =>
  out.map((s) => `${s.subject}|${s.attribute}|${s.valueText}|${s.counterparty ?? "-"}|${s.modality ?? "-"}|${s.basis ?? "-"}`).join("\n");

/** Figures every reader of these articles would expect, per file. */
const WELL_KNOWN: Record<string, Expect[]> = {
  "000": [
    { subject: "OpenAI", attribute: "funding_round_size", value: "122000000000", unit: "USD" },
    { subject: "xAI", attribute: "funding_round_size", value: "20000000000" },
    { attribute: "investment_amount", value: "4000000000", counterparty: "AWS", modality: "up_to" },
    { attribute: "valuation_change", value: "-18", unit: "percent" },
  ],
  "001": [
    { subject: "OpenAI", attribute: "funding_round_size", value: "110000000000", unit: "USD" },
    { subject: "OpenAI", attribute: "valuation_pre_money", value: "730000000000", basis: "pre_money" },
    { subject: "OpenAI", attribute: "investment_amount", value: "50000000000", counterparty: "Amazon" },
    { subject: "OpenAI", attribute: "investment_amount", value: "30000000000", counterparty: "Nvidia" },
    { subject: "OpenAI", attribute: "investment_amount", value: "30000000000", counterparty: "SoftBank" },
    { subject: "OpenAI", attribute: "investment_amount", value: "35000000000", counterparty: "Amazon", modality: "contingent" },
    { subject: "OpenAI", attribute: "funding_round_size", value: "40000000000", modality: "completed" },
    { subject: "OpenAI", attribute: "valuation", value: "300000000000" },
    { subject: "OpenAI", attribute: "compute_capacity", value: "2", unit: "GW" },
    { subject: "OpenAI", attribute: "compute_capacity", value: "3", unit: "GW" },
  ],
  "002": [
    { subject: "OpenAI", attribute: "funding_round_size", value: "120000000000" },
    { subject: "OpenAI", attribute: "valuation_post_money", value: "840000000000", basis: "post_money" },
    { subject: "OpenAI", attribute: "investment_amount", value: "50000000000", counterparty: "Amazon", basis: "total" },
    { subject: "OpenAI", attribute: "investment_amount", value: "15000000000", counterparty: "Amazon", basis: "upfront" },
    { subject: "OpenAI", attribute: "investment_amount", value: "35000000000", counterparty: "Amazon", basis: "contingent" },
    { subject: "OpenAI", attribute: "investment_amount", value: "30000000000", counterparty: "SoftBank" },
    { subject: "OpenAI", attribute: "investment_amount", value: "30000000000", counterparty: "Nvidia" },
    { subject: "OpenAI", attribute: "announcement_date", value: "2026-02-27", unit: "date" },
    { attribute: "users", value: "1600000", unit: "count" },
  ],
  "003": [
    { subject: "OpenAI", attribute: "funding_round_size", value: "122000000000", modality: "completed", asOf: "2026-03-31" },
    { subject: "OpenAI", attribute: "valuation_post_money", value: "852000000000", asOf: "2026-03-31" },
    { subject: "Anthropic", attribute: "valuation", value: "380000000000" },
    { subject: "xAI", attribute: "valuation", value: "200000000000" },
    { subject: "xAI", attribute: "funding_round_size", value: "10000000000", modality: "reported" },
    { attribute: "run_rate_revenue", value: "100000000" },
  ],
  "004": [
    { subject: "OpenAI", attribute: "funding_round_size", value: "100000000000", modality: "target" },
    { subject: "OpenAI", attribute: "valuation", low: "750000000000", high: "830000000000", value: null },
    { subject: "OpenAI", attribute: "investment_amount", value: "50000000000", counterparty: "Amazon", modality: "in_talks" },
    { subject: "OpenAI", attribute: "stake", value: "11", counterparty: "SoftBank" },
    { subject: "Anthropic", attribute: "run_rate_revenue", value: "9000000000" },
    { subject: "Anthropic", attribute: "valuation", value: "350000000000" },
    { subject: "Meta", attribute: "capital_expenditure", low: "115000000000", high: "135000000000" },
    { subject: "Amazon", attribute: "capital_expenditure", value: "146000000000" },
    { subject: "xAI", attribute: "investment_amount", value: "2000000000", counterparty: "Tesla" },
  ],
};

describe.skipIf(seeds.length === 0)("seed articles", () => {
  it("are all five present", () => {
    expect(seeds.map(([name]) => name.slice(0, 3))).toEqual(["000", "001", "002", "003", "004"]);
  });

  it.each(seeds)("%s: offsets are exact and fields well-formed", (_name, text) => {
    const out = extractClaims(text);
    expect(out.length).toBeGreaterThan(0);
    for (const s of out) {
      expect(text.slice(s.start, s.end)).toBe(s.valueText);
      expect(s.sentenceStart).toBeLessThanOrEqual(s.start);
      expect(s.sentenceEnd).toBeGreaterThanOrEqual(s.end);
      expect(s.subject.length).toBeGreaterThan(0);
      expect(s.attribute).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      if (s.value === null) expect(s.low !== null && s.high !== null).toBe(true);
      else expect(s.value).toMatch(s.unit === "date" ? /^\d{4}-\d{2}-\d{2}$/ : /^-?\d+(?:\.\d+)?$/);
      if (s.asOf !== null) expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  it.each(Object.entries(WELL_KNOWN))("%s_*: the well-known figures are found", (prefix, wants) => {
    const out = extractClaims(seed(prefix));
    for (const want of wants) expect(has(out, want), `${JSON.stringify(want)} not in\n${describeFound(out)}`).toBe(true);
  });

  it("resolves relative dates against the publication date", () => {
    const text = seed("002");
    const withMeta = extractClaims(text, { publishedAt: new Date("2026-03-02T07:00:00Z") });
    expect(has(withMeta, { attribute: "announcement_date", value: "2026-02-27" })).toBe(true);
  });

  it.each(seeds)("%s: output is deterministic", (_name, text) => {
    const meta = { publishedAt: new Date("2026-03-01T00:00:00Z") };
    expect(extractClaims(text, meta)).toEqual(extractClaims(text, meta));
  });

  it("handles a long text in one piece without slowing down", () => {
    // A guard against quadratic behaviour only; throughput is measured by bench/extract.
    const all = seeds.map(([, t]) => t).join("\n\n");
    let big = "";
    while (big.length < 250_000) big += `${all}\n\n`;
    extractClaims(all); // warm up
    const t0 = performance.now();
    const out = extractClaims(big);
    const ms = performance.now() - t0;
    expect(out.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(3000);
  });
});
