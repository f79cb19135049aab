import { describe, expect, it } from "vitest";
import { findDates, refFromDate } from "./dates";
import { findFigures } from "./figures";
import { findMoney } from "./money";
import { findPercents } from "./percent";
import { findCounts, findPower } from "./quantities";
import type { Figure } from "./types";

type Row = { text: string; value: string | null; low?: string; high?: string; unit: string };

const show = (text: string, figs: Figure[]): Row[] =>
  figs.map((f) => ({
    text: text.slice(f.start, f.end),
    value: f.value,
    ...(f.low !== null ? { low: f.low } : {}),
    ...(f.high !== null ? { high: f.high } : {}),
    unit: f.unit,
  }));

describe("money", () => {
  it.each<[string, string, Row[]]>([
    ["billion", "raised $122 billion", [{ text: "$122 billion", value: "122000000000", unit: "USD" }]],
    ["letter scale", "a $122B raise", [{ text: "$122B", value: "122000000000", unit: "USD" }]],
    ["trillion decimal", "$1.4 trillion in spending", [{ text: "$1.4 trillion", value: "1400000000000", unit: "USD" }]],
    ["euro million", "a €830 million loan", [{ text: "€830 million", value: "830000000", unit: "EUR" }]],
    ["US$ bn", "US$5bn raised", [{ text: "US$5bn", value: "5000000000", unit: "USD" }]],
    ["pound", "£2.5bn deal", [{ text: "£2.5bn", value: "2500000000", unit: "GBP" }]],
    ["plus", "the potential $100B+ flowing", [{ text: "$100B+", value: "100000000000", unit: "USD" }]],
    ["tilde prefix stays outside", "~$505B total", [{ text: "$505B", value: "505000000000", unit: "USD" }]],
    ["upfront", "$15 billion upfront", [{ text: "$15 billion", value: "15000000000", unit: "USD" }]],
    ["each", "$30 billion each", [{ text: "$30 billion", value: "30000000000", unit: "USD" }]],
    ["capitalised scale", "Record $145 Billion", [{ text: "$145 Billion", value: "145000000000", unit: "USD" }]],
    ["small amount", "EPS: $8.88", [{ text: "$8.88", value: "8.88", unit: "USD" }]],
    ["grouped", "$1,250,000 grant", [{ text: "$1,250,000", value: "1250000", unit: "USD" }]],
    ["currency word", "5 billion dollars", [{ text: "5 billion dollars", value: "5000000000", unit: "USD" }]],
    ["code prefix", "EUR 300 million", [{ text: "EUR 300 million", value: "300000000", unit: "EUR" }]],
    ["range shared scale", "$750-830 billion", [{ text: "$750-830 billion", value: null, low: "750000000000", high: "830000000000", unit: "USD" }]],
    ["range letters", "$115-135B capex", [{ text: "$115-135B", value: null, low: "115000000000", high: "135000000000", unit: "USD" }]],
    ["range both scaled", "$115 billion-$135 billion", [{ text: "$115 billion-$135 billion", value: null, low: "115000000000", high: "135000000000", unit: "USD" }]],
    ["between", "between $2 and $5 billion", [{ text: "$2 and $5 billion", value: null, low: "2000000000", high: "5000000000", unit: "USD" }]],
    ["to-range", "from $50 million to $200 million", [{ text: "$50 million to $200 million", value: null, low: "50000000", high: "200000000", unit: "USD" }]],
    ["rupees as Indian papers write them", "Rs 5,900 crore of loans", [{ text: "Rs 5,900 crore", value: "59000000000", unit: "INR" }]],
    ["Rs. with a period", "an IPO of up to Rs. 450 crore", [{ text: "Rs. 450 crore", value: "4500000000", unit: "INR" }]],
    ["Mrs is no currency", "Mrs 5 apples", []],
  ])("%s", (_name, text, want) => {
    expect(show(text, findMoney(text, 0, text.length))).toEqual(want);
  });

  it("a change is two amounts, not a range", () => {
    const text = "revenue grew from $4 billion to $9 billion";
    expect(show(text, findMoney(text, 0, text.length)).map((r) => r.value)).toEqual(["4000000000", "9000000000"]);
  });

  it("'and' without 'between' is two amounts", () => {
    const text = "$50 billion from Amazon and $30 billion from Nvidia";
    expect(findMoney(text, 0, text.length)).toHaveLength(2);
  });
});

describe("percentages", () => {
  it.each<[string, Row[]]>([
    ["18% lower", [{ text: "18%", value: "18", unit: "percent" }]],
    ["an 18 percent stake", [{ text: "18 percent", value: "18", unit: "percent" }]],
    ["12.5 per cent", [{ text: "12.5 per cent", value: "12.5", unit: "percent" }]],
    ["surges 8%+", [{ text: "8%+", value: "8", unit: "percent" }]],
    ["+24% YoY", [{ text: "+24%", value: "24", unit: "percent" }]],
    ["down -5%", [{ text: "-5%", value: "-5", unit: "percent" }]],
    ["+64-93%", [{ text: "+64-93%", value: null, low: "64", high: "93", unit: "percent" }]],
    ["royalties of between 9% and 15%", [{ text: "9% and 15%", value: null, low: "9", high: "15", unit: "percent" }]],
    ["margins of 9% and 15% respectively", [{ text: "9%", value: "9", unit: "percent" }, { text: "15%", value: "15", unit: "percent" }]],
  ])("%s", (text, want) => {
    expect(show(text, findPercents(text, 0, text.length))).toEqual(want);
  });
});

describe("power and counts", () => {
  it.each<[string, Row[]]>([
    ["at least 2 GW of compute", [{ text: "2 GW", value: "2", unit: "GW" }]],
    ["3GW of inference", [{ text: "3GW", value: "3", unit: "GW" }]],
    ["2 gigawatts (GW) of power", [{ text: "2 gigawatts", value: "2", unit: "GW" }]],
    ["a 1.2-gigawatt hub", [{ text: "1.2-gigawatt", value: "1.2", unit: "GW" }]],
    ["a 500 MW site", [{ text: "500 MW", value: "500", unit: "MW" }]],
  ])("%s", (text, want) => {
    expect(show(text, findPower(text, 0, text.length))).toEqual(want);
  });

  it.each<[string, string[]]>([
    ["reaching 1.6 million", ["1600000"]],
    ["400,000+ GPUs", ["400000"]],
    ["1,200 employees", ["1200"]],
    ["250 employees", ["250"]],
    ["in 2026 and 2025", []],
    ["18 months ago", []],
    ["the next 12 months", []],
    ["H200 chips and MODEL1", []],
    ["a 3 to 1 vote", []],
  ])("%s", (text, want) => {
    expect(findCounts(text, 0, text.length).map((f) => f.value)).toEqual(want);
  });
});

describe("dates", () => {
  const ref = refFromDate(new Date("2026-03-02T00:00:00Z"));
  it.each<[string, string[]]>([
    ["on February 27, 2026", ["2026-02-27"]],
    ["on March 31st 2026", ["2026-03-31"]],
    ["on 27 February 2026", ["2026-02-27"]],
    ["on Feb. 27", ["2026-02-27"]],
    ["on January 31 that", ["2026-01-31"]],
    ["closes December 20", ["2025-12-20"]],
    ["in March 2026", ["2026-03-01..2026-03-31"]],
    ["mid-February 2026", ["2026-02-01..2026-02-28"]],
    ["in March of last year", ["2025-03-01..2025-03-31"]],
    ["Q4 2026", ["2026-10-01..2026-12-31"]],
    ["in the fourth quarter of 2026", ["2026-10-01..2026-12-31"]],
    ["Q1 of 2025", ["2025-01-01..2025-03-31"]],
    ["to close in the first quarter of next year", ["2027-01-01..2027-03-31"]],
    ["in the fourth quarter of this year", ["2026-10-01..2026-12-31"]],
    ["a trial in the first half of next year", ["2027-01-01..2027-06-30"]],
    ["the second half of last year", ["2025-07-01..2025-12-31"]],
    ["2026-02-27 07:00", ["2026-02-27"]],
    ["announced on the 27th of last month", ["2026-02-27"]],
    ["in 2026", []],
    ["it may rise", []],
    ["February 30, 2026", []],
  ])("%s", (text, want) => {
    expect(findDates(text, 0, text.length, ref).map((f) => f.value ?? `${f.low}..${f.high}`)).toEqual(want);
  });

  it("needs a reference date for a date without a year", () => {
    expect(findDates("on Feb. 27", 0, 10, null)).toEqual([]);
  });
});

describe("findFigures", () => {
  it("finds relative dates in a sentence without a digit", () => {
    const ref = refFromDate(new Date("2026-08-17T00:00:00Z"));
    const text = "The first phase went live in March of last year, and the second is due in the first half of next year.";
    expect(show(text, findFigures(text, 0, text.length, ref)).map((r) => r.text)).toEqual(["March of last year", "first half of next year"]);
  });

  // (V8 keeps reads of a figure's fields fast only while figures share few object shapes)
  it("gives every kind of figure the same fields, in the same order", () => {
    const ref = refFromDate(new Date("2026-08-17T00:00:00Z"));
    const text =
      "Acme raised $5-6 billion on March 3, 2026, up 12%, for a 300 MW plant due in the fourth quarter. Revenue doubled in March 2026. " +
      "It runs 640 dark stores, up from 410, and holders get 0.615 Acme shares for each Beta share. A vote is expected in August.";
    const figures = findFigures(text, 0, text.length, ref);
    expect(new Set(figures.map((f) => f.kind))).toEqual(new Set(["money", "date", "percent", "power", "multiple", "count"]));
    expect(new Set(figures.map((f) => Object.keys(f).join(",")))).toEqual(new Set([Object.keys(figures[0] as Figure).join(",")]));
  });

  it("ignores numbers inside URLs and keeps figures apart", () => {
    const text = "Anthropic valued at $380 billion (https://example.com/anthropic-380-billion-2026-02-12/) in March 2026, up 18%.";
    expect(show(text, findFigures(text, 0, text.length, null)).map((r) => r.text)).toEqual(["$380 billion", "March 2026", "18%"]);
  });
});
