import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./markdown";
import { normalizeText } from "./normalize";

describe("parseMarkdown on analyst-note.md (front matter, headings, emphasis, links, image, list, quote, table, code, raw HTML)", () => {
  const note = parseMarkdown(readFileSync(path.join(__dirname, "fixtures", "analyst-note.md"), "utf8"));

  it("strips the syntax and keeps the words", () => {
    expect(note.text).toBe(
      [
        "The OpenAI round: three numbers",
        "Every outlet quotes a different figure for OpenAI's raise. That is not sloppy reporting: the figures answer three different questions.",
        "What was announced",
        "On February 27 the company announced $110 billion at a $730 billion pre-money valuation. Amazon's part is $50 billion:",
        "$15 billion upfront;\n$35 billion contingent on milestones.",
        '"This investment lets us build the compute the next generation of models needs," the CFO said.',
        "| Investor | Commitment |\n| Amazon | $50B |\n| Nvidia | $30B |",
        "Check the arithmetic with pre + round = post:",
        "pre_money = 730\nround_size = 122\nprint(pre_money + round_size) # 852",
        "Raw HTML note: AT&T is not an investor.",
        "By March 31 the round had closed at $122 billion\nand the post-money valuation reached $840 $852 billion.",
      ].join("\n\n"),
    );
  });

  it("drops images, link targets, front matter and scripts in raw HTML", () => {
    for (const gone of ["Chart of the round", "https://", "tags:", "alert", "<div", "**", "`", "## ", "~~"]) {
      expect(note.text, gone).not.toContain(gone);
    }
  });

  it("reads title, author, date and URL from the front matter", () => {
    expect(note).toMatchObject({
      title: "OpenAI's round, three ways",
      author: "Priya Natarajan",
      canonicalUrl: "https://techledger.example/notes/openai-round",
      publishedAt: "2026-03-02",
    });
  });

  it("returns normalized text", () => {
    expect(normalizeText(note.text)).toBe(note.text);
  });
});

describe("parseMarkdown on small texts", () => {
  it.each([
    ["title from the first # heading", "Intro line\n\n## Sub\n\n# The *real* title\n\nBody.", "The real title"],
    ["setext heading counts as # heading", "The Title\n=========\n\nBody.", "The Title"],
    ["no level-1 heading → null", "## Only a subheading\n\nBody.", null],
  ])("%s", (_name, markdown, title) => {
    expect(parseMarkdown(markdown).title).toBe(title);
  });

  it.each([
    ["emphasis and strong", "A **bold** and _em_ and ***both***.", "A bold and em and both."],
    ["links keep their text; autolinks keep the address", "See [the filing](https://sec.example/x) or <https://sec.example/y>.", "See the filing or https://sec.example/y."],
    ["images are dropped", "Before ![a chart](c.png) after.", "Before after."],
    ["inline code is kept", "Run `npm test` now.", "Run npm test now."],
    ["soft breaks become spaces, hard breaks stay", "one\ntwo  \nthree", "one two\nthree"],
    ["escapes and entities", "a\\*b &amp; c &copy;", "a*b & c ©"],
    ["ordered list markers go", "1. first\n2. second", "first\nsecond"],
    ["a --- line that is not front matter", "Text\n\n---\n\nMore", "Text\n\nMore"],
  ])("%s", (_name, markdown, text) => {
    expect(parseMarkdown(markdown).text).toBe(text);
  });

  it("leaves a leading --- block that is not YAML alone", () => {
    expect(parseMarkdown("---\nThis is prose, not YAML.\n---\n\nBody").text).toContain("This is prose, not YAML.");
  });
});
