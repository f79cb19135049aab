import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize";
import { joinPages, parsePdf, type ParsedPdf } from "./pdf";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, "fixtures", name)));

async function parsed(bytes: Uint8Array): Promise<ParsedPdf> {
  const result = await parsePdf(bytes);
  if (!result.ok) throw new Error(`expected text, got: ${result.message}`);
  return result.data;
}

describe("parsePdf on funding-report.pdf (4 pages, the third empty; made by make-pdf-fixtures.ts)", async () => {
  const report = await parsed(fixture("funding-report.pdf"));
  const page = (n: number) => report.text.slice(report.pageStarts[n - 1], report.pageStarts[n] ?? report.text.length);

  it("reads every page's text, wrapped lines joined into paragraphs, paragraphs and pages split by blank lines", () => {
    expect(report.text.startsWith("Q1 2026 Venture Funding Report\n\nSummary\n\nOpenAI announced a $110 billion funding round on February 27, 2026, at a $730 billion pre-money valuation. The round was led by Amazon")).toBe(true);
    expect(report.text).toContain("\n\nAmazon committed $50 billion, of which $15 billion is paid upfront and $35 billion is contingent on milestones that neither company has disclosed.\n\nThe close\n\n");
    expect(report.text).toContain("Reports in early February put the target at “up to $100 billion” – a figure that was a target, not a commitment.");
    expect(report.text.endsWith("Café-table estimates are excluded.")).toBe(true);
  });

  it("returns one page start per page, at the page's first character", () => {
    expect(report.pageStarts).toHaveLength(4);
    expect(report.pageStarts[0]).toBe(0);
    expect(page(2).startsWith("The close\n\nBy March 31 the round had closed at $122 billion")).toBe(true);
    expect(page(2).endsWith("not a commitment.\n\n")).toBe(true);
    expect(page(3)).toBe(""); // the empty page starts where the next one does
    expect(page(4)).toMatch(/^Method\n\nFigures are taken/);
  });

  it("reads title, author and date from the info dictionary", () => {
    expect(report).toMatchObject({ title: "Q1 2026 Venture Funding Report: The OpenAI Round", author: "Corroborate Research Desk", publishedAt: "2026-03-31" });
  });

  it("returns normalized text", () => {
    expect(normalizeText(report.text)).toBe(report.text);
  });
});

describe("parsePdf refusals", () => {
  it("refuses a PDF without a text layer", async () => {
    const result = await parsePdf(fixture("scanned-no-text.pdf"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^This PDF has no text layer \(scanned\?\)/);
  });

  it("refuses a password-protected PDF", async () => {
    expect(await parsePdf(fixture("password-protected.pdf"))).toMatchObject({ ok: false, message: expect.stringMatching(/password-protected/) });
  });

  it("refuses a damaged PDF", async () => {
    const damaged = fixture("funding-report.pdf").slice(0, 600);
    expect(await parsePdf(damaged)).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(/could not be read/) });
  });

  it.each([
    ["not a PDF", new TextEncoder().encode("just some text"), /not a PDF/],
    ["empty", new Uint8Array(0), /^The file is empty\.$/],
    ["over 5 MB", new Uint8Array(5 * 1024 * 1024 + 1), /over 5 MB/],
  ])("refuses %s", async (_name, bytes, message) => {
    expect(await parsePdf(bytes)).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(message) });
  });
});

describe("joinPages", () => {
  it("joins normalized pages with a blank line and records each start, empty pages included", () => {
    expect(joinPages(["  First\r\npage ", "", "Second\u00A0page", ""])).toEqual({
      text: "First\npage\n\nSecond page",
      pageStarts: [0, 12, 12, 23],
    });
  });
});
