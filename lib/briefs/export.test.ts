import { describe, expect, it } from "vitest";
import { exportFileName, renderExport, sourcesOf, toCslJson, toMarkdown, toRis } from "./export";
import type { BriefSnapshot } from "./snapshot";

const source = (title: string, outlet: string, url: string | null, quote: string) => ({
  title, outlet, author: "Ada Reporter", url, publishedAt: "2026-03-31", quote, prefix: "", suffix: "", valueText: "$122 billion", rank: "preferred" as const,
});
const snapshot: BriefSnapshot = {
  title: "How big *was* the round?",
  sections: [{ heading: "The round", statements: [{ text: "OpenAI raised $122 billion.", footnotes: [1] }] }],
  footnotes: [{
    n: 1, subject: "OpenAI", attribute: "Funding round size", value: "$122 billion", state: "resolved", rationale: "The close came later.", independentSources: 2,
    sources: [source("OpenAI closes", "Wire", "https://example.com/a", "raised $122 billion"), source("OpenAI closes", "Wire", "https://example.com/a", "a $122 billion round"), source("Round done", "Daily", null, "$122 billion")],
  }],
};
const meta = { number: 2, publishedAt: "2026-04-01T00:00:00.000Z" };

describe("toMarkdown", () => {
  const text = toMarkdown(snapshot, meta);
  it("writes the title, version, headings and statements with footnote marks", () => {
    expect(text).toContain("# How big \\*was\\* the round?");
    expect(text).toContain("_Version 2, published 1 Apr 2026._");
    expect(text).toContain("## The round");
    expect(text).toContain("OpenAI raised $122 billion.[^1]");
  });
  it("puts each quote, outlet, date and link under its footnote", () => {
    expect(text).toContain("[^1]: OpenAI · Funding round size: **$122 billion**; 2 independent sources. The close came later.");
    expect(text).toContain("    - “raised $122 billion” — [Wire, OpenAI closes, 31 Mar 2026](<https://example.com/a>)");
    expect(text).toContain("    - “$122 billion” — Daily, Round done, 31 Mar 2026");
  });
});

describe("sources", () => {
  it("lists each article once", () => {
    expect(sourcesOf(snapshot).map((s) => s.title)).toEqual(["OpenAI closes", "Round done"]);
  });
  it("writes RIS records", () => {
    const ris = toRis(sourcesOf(snapshot));
    expect(ris.split("\r\n")).toEqual(expect.arrayContaining(["TY  - NEWS", "TI  - OpenAI closes", "AU  - Ada Reporter", "T2  - Wire", "PY  - 2026", "DA  - 2026/03/31", "UR  - https://example.com/a", "ER  - "]));
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(2);
  });
  it("writes CSL-JSON items", () => {
    expect(toCslJson(sourcesOf(snapshot))[0]).toEqual({
      id: "source-1", type: "article-newspaper", title: "OpenAI closes", "container-title": "Wire", author: [{ literal: "Ada Reporter" }], URL: "https://example.com/a", issued: { "date-parts": [[2026, 3, 31]] },
    });
  });
  it("renders JSON that parses back to the snapshot", () => {
    expect(JSON.parse(renderExport("json", snapshot, meta))).toMatchObject({ number: 2, title: snapshot.title, footnotes: snapshot.footnotes });
    expect(JSON.parse(renderExport("csl", snapshot, meta))).toHaveLength(2);
  });
  it("names the file after the title", () => {
    expect(exportFileName("How big *was* the round?", 2, "csl")).toBe("how-big-was-the-round-v2.csl.json");
    expect(exportFileName("***", 1, "markdown")).toBe("brief-v1.md");
  });
});
