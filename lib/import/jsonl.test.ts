import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonl, type BulkItem } from "./jsonl";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const line = (value: unknown) => JSON.stringify(value);
const empty: BulkItem = { url: null, title: null, outlet: null, author: null, publishedAt: null, text: null, html: null };

describe("parseJsonl on bulk-import.jsonl (good lines, a broken one, a blank one, missing body, bad date)", () => {
  const { items, errors } = parseJsonl(fixture("bulk-import.jsonl"));

  it("parses the good lines with their line numbers", () => {
    expect(items.map((i) => i.line)).toEqual([1, 2, 5, 9]);
    expect(items[0]?.item).toEqual({
      url: "https://www.globalwire.example/technology/openai-funding-round-2026-02-27/",
      title: "OpenAI announces $110 billion funding round",
      outlet: "Global Wire",
      author: "Jane Doe, Max Roe",
      publishedAt: "2026-02-27", // from an ISO date-time
      text: "OpenAI said on Friday it had agreed a $110 billion funding round backed by Amazon, Nvidia and SoftBank.\n\nThe round values the company at $730 billion before the new money.",
      html: null,
    });
    expect(items[1]?.item).toMatchObject({ title: "Amazon’s $50bn OpenAI bet comes with strings attached", html: expect.stringContaining("<article>"), text: null });
    expect(items[2]?.item).toEqual({ ...empty, url: "https://techledger.example/2026/03/openai-round-three-numbers/" });
  });

  it("reports each bad line with its number and reason", () => {
    expect(errors.map((e) => e.line)).toEqual([4, 6, 7]);
    expect(errors[0]?.message).toMatch(/^Not valid JSON: .+/);
    expect(errors[1]?.message).toBe('Each line needs "text" or "html", or a "url" to fetch the article from.');
    expect(errors[2]?.message).toMatch(/"publishedAt" must be a date like 2026-02-27 .* not "27\/02\/2026"/);
  });
});

describe("parseJsonl line by line", () => {
  it.each([
    ["an array", "[1, 2]", /must be one JSON object/],
    ["a string", '"text"', /must be one JSON object/],
    ["null", "null", /must be one JSON object/],
    ["a number for title", line({ title: 7, text: "x" }), /^"title" must be text\.$/],
    ["a javascript: url", line({ url: "javascript:alert(1)" }), /"url" must be a full http:\/\/ or https:\/\/ address/],
    ["a relative url", line({ url: "/news/1", text: "x" }), /"url" must be a full http/],
    ["an impossible date", line({ text: "x", publishedAt: "2026-02-30" }), /"publishedAt" must be a date/],
    ["a month-name date", line({ text: "x", publishedAt: "Feb 27, 2026" }), /"publishedAt" must be a date/],
    ["only blank text", line({ title: "t", text: "   " }), /needs "text" or "html"/],
    ["trailing garbage", '{"text": "x"} extra', /^Not valid JSON/],
  ])("refuses %s", (_name, input, message) => {
    const { items, errors } = parseJsonl(input);
    expect(items).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(1);
    expect(errors[0]?.message).toMatch(message);
  });

  it.each([
    ["2026-02-27", "2026-02-27"],
    ["2026-02-27T14:05:00Z", "2026-02-27"],
    ["2026-02-27T23:30:00-05:00", "2026-02-27"],
    ["2026-02-27T14:05:00.123+0100", "2026-02-27"],
    ["2024-02-29", "2024-02-29"],
  ])("keeps the date of %s", (value, expected) => {
    expect(parseJsonl(line({ text: "x", publishedAt: value })).items[0]?.item.publishedAt).toBe(expected);
  });

  it("trims fields, turns blanks and nulls into null and ignores unknown keys", () => {
    const { items } = parseJsonl(line({ title: "  Title  ", outlet: "", author: null, text: " Body ", extra: 1 }));
    expect(items[0]?.item).toEqual({ ...empty, title: "Title", text: "Body" });
  });

  it("skips blank lines, handles CRLF and a BOM, and numbers lines as in the file", () => {
    const text = `\uFEFF${line({ text: "a" })}\r\n\r\n  \r\n${line({ text: "b" })}\r\n`;
    const { items, errors } = parseJsonl(text);
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.line, i.item.text])).toEqual([[1, "a"], [4, "b"]]);
  });

  it("refuses a file with more lines than the limit, saying the limit", () => {
    const text = Array.from({ length: 4 }, (_, i) => line({ text: `article ${i}` })).join("\n");
    const { items, errors } = parseJsonl(`\n${text}`, { maxLines: 3 });
    expect(items).toEqual([]);
    expect(errors).toEqual([{ line: 5, message: "This file has more than 3 articles; one import takes at most 3 lines. Split it into smaller files." }]);
  });

  it("takes 10,000 lines by default, and refuses 10,001", () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => line({ title: `Article ${i}`, text: "OpenAI raised $122 billion." }));
    const started = performance.now();
    const ok = parseJsonl(lines.join("\n"));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(ok.items).toHaveLength(10_000);
    expect(ok.errors).toEqual([]);
    const over = parseJsonl([...lines, line({ text: "one more" })].join("\n"));
    expect(over.items).toEqual([]);
    expect(over.errors[0]?.message).toMatch(/more than 10,000 articles/);
  });

  it("returns nothing for an empty file", () => {
    expect(parseJsonl("")).toEqual({ items: [], errors: [] });
  });

  // the repository's copy of the seed articles, so the test runs in a clean clone too
  const seeds = path.resolve(process.cwd(), "prisma/seed/articles");
  it("carries the seed articles' text through unchanged", () => {
    const texts = readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(path.join(seeds, f), "utf8"));
    const { items, errors } = parseJsonl(texts.map((text, i) => line({ title: `Seed ${i}`, text })).join("\n"));
    expect(errors).toEqual([]);
    expect(items.map((i) => i.item.text)).toEqual(texts.map((t) => t.trim()));
  });
});
