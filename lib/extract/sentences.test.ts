import { describe, expect, it } from "vitest";
import { isHeadline, splitSentences } from "./sentences";

const texts = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe("splitSentences", () => {
  it.each([
    ["plain", "Acme raised money. It plans to hire. Will it work?", ["Acme raised money.", "It plans to hire.", "Will it work?"]],
    ["decimals stay whole", "Revenue hit $1.4 trillion. Costs rose 2.5%.", ["Revenue hit $1.4 trillion.", "Costs rose 2.5%."]],
    ["U.S. mid-sentence", "Regulators in the U.S. and EU are watching.", ["Regulators in the U.S. and EU are watching."]],
    ["U.S. at the end", "It sells in the U.S. The company is growing.", ["It sells in the U.S.", "The company is growing."]],
    ["Inc. inside a name", "Acme Inc. raised $5 billion on Friday.", ["Acme Inc. raised $5 billion on Friday."]],
    ["month abbreviation", "On Feb. 27 the deal closed.", ["On Feb. 27 the deal closed."]],
    ["initials", "J. Smith said so. Then he left.", ["J. Smith said so.", "Then he left."]],
    ["lowercase after period", "It rose vs. last year. Fine.", ["It rose vs. last year.", "Fine."]],
    ["closing quote", "He said “we are done.” The end.", ["He said “we are done.”", "The end."]],
    ["lines are sentences", "Headline Here\n\nBody text here.\n- Bullet item one\n- Bullet two", ["Headline Here", "Body text here.", "Bullet item one", "Bullet two"]],
  ])("%s", (_name, text, want) => {
    expect(texts(text)).toEqual(want);
  });

  it("gives exact offsets", () => {
    const t = "  First one.  Second one!\n\n- Third";
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(t.slice(s.start, s.end).trim());
    expect(texts(t)).toEqual(["First one.", "Second one!", "Third"]);
  });

  it("skips a leading importer date marker", () => {
    const t = " date 2026-02-27 Acme raised $5 billion.";
    expect(texts(t)).toEqual(["Acme raised $5 billion."]);
  });

  it("reads markdown tables row by row with their header", () => {
    const t = "| Company | 2025 Capex |\n|---|---|\n| Acme | $5B |";
    const rows = splitSentences(t);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.table?.header).toEqual(["Company", "2025 Capex"]);
    const cell = rows[1]?.table?.cells[1];
    expect(cell && t.slice(cell[0], cell[1])).toBe("$5B");
  });
});

describe("isHeadline", () => {
  it.each([
    ["Amazon in Talks to Invest Up to $50 Billion in OpenAI", true],
    ["Valuation and What to Watch in the Months Ahead", true],
    ["WEEKLY HOT", true],
    ["OpenAI is seeking up to $100 billion in this funding round", false],
    ["Q4 Revenue: $59.9 billion (+24% YoY)", false],
    ["The round includes $50 billion from Amazon and $30 billion each from Nvidia and SoftBank.", false],
  ])("%s -> %s", (text, want) => {
    expect(isHeadline(text)).toBe(want);
  });
});

describe("runs without full stops", () => {
  it("are cut at commas into pieces of at most 1,000 characters, losing no figure", () => {
    const text = "Acme Corp raised $5 billion, ".repeat(400).trim();
    const pieces = splitSentences(text);
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces) {
      expect(p.end - p.start).toBeLessThanOrEqual(1000);
      expect(text.slice(p.start, p.end)).toMatch(/,$|billion$/);
    }
    const covered = pieces.reduce((n, p) => n + (text.slice(p.start, p.end).match(/\$5 billion/g)?.length ?? 0), 0);
    expect(covered).toBe(400);
  });

  it("leave ordinary long sentences whole", () => {
    const sentence = `Acme Corp, which ${"builds robots and sells them, ".repeat(20)}raised $5 billion.`;
    expect(sentence.length).toBeLessThan(1000);
    expect(splitSentences(`${sentence} It grew.`).map((p) => p.end - p.start)).toEqual([sentence.length, 8]);
  });
});
