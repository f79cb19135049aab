import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize";
import { chooseKind, looksLikeHtml, parseBulkItem, parsePastedText, parseSource, type ParsedSource, type SourceInput } from "./source";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, "fixtures", name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

// The five real articles shared by every checkout; copies live in prisma/seed/articles.
const SHARED = path.resolve(process.cwd(), "../shared/seeds");
const COPIES = path.resolve(process.cwd(), "prisma/seed/articles");
const SEEDS = existsSync(SHARED) ? SHARED : COPIES;
const seedFiles = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort() : [];

async function parsed(input: SourceInput): Promise<ParsedSource> {
  const result = await parseSource(input);
  if (!result.ok) throw new Error(`expected a source, got: ${result.message}`);
  return result.data;
}

describe("parseSource chooses the parser", () => {
  it.each([
    ["by extension", { fileName: "openai.html" }],
    ["by .htm extension", { fileName: "OPENAI.HTM" }],
    ["by content type", { contentType: "text/html; charset=utf-8" }],
    ["by sniffing when nothing is declared", {}],
    ["by sniffing when the type is generic", { fileName: "download", contentType: "application/octet-stream" }],
  ])("HTML %s", async (_name, extra) => {
    const source = await parsed({ bytes: fixture("news-wire.html"), ...extra });
    expect(source).toMatchObject({
      kind: "html",
      title: "OpenAI announces $110 billion funding round led by Amazon, Nvidia",
      author: "Jane Doe, Max Roe",
      siteName: "Global Wire",
      canonicalUrl: "https://www.globalwire.example/technology/openai-funding-round-2026-02-27/",
      publishedAt: "2026-02-27",
      pageStarts: null,
    });
    expect(source.text).toMatch(/^SAN FRANCISCO, Feb 27 \(Global Wire\) - OpenAI said on Friday/);
  });

  it.each([
    ["by extension", { fileName: "report.pdf" }],
    ["by content type", { contentType: "application/pdf" }],
    ["by its signature, whatever the name says", { fileName: "report.txt", contentType: "text/plain" }],
  ])("PDF %s", async (_name, extra) => {
    const source = await parsed({ bytes: fixture("funding-report.pdf"), ...extra });
    expect(source).toMatchObject({ kind: "pdf", title: "Q1 2026 Venture Funding Report: The OpenAI Round", author: "Corroborate Research Desk", publishedAt: "2026-03-31", siteName: null, canonicalUrl: null });
    expect(source.pageStarts).toHaveLength(4);
    expect(source.text.slice(source.pageStarts?.[1])).toMatch(/^The close\n\nBy March 31/);
  });

  it.each([
    ["by extension", { fileName: "note.md" }],
    ["by .markdown extension", { fileName: "note.markdown", contentType: "application/octet-stream" }],
    ["by content type", { contentType: "text/markdown; charset=utf-8" }],
  ])("Markdown %s", async (_name, extra) => {
    const source = await parsed({ bytes: fixture("analyst-note.md"), ...extra });
    expect(source).toMatchObject({ kind: "markdown", title: "OpenAI's round, three ways", author: "Priya Natarajan", publishedAt: "2026-03-02", pageStarts: null });
    expect(source.text).toMatch(/^The OpenAI round: three numbers\n\n/);
  });

  it("reads a Windows-1252 .txt file as text", async () => {
    const source = await parsed({ bytes: fixture("press-release-cp1252.txt"), fileName: "press-release.txt" });
    expect(source.kind).toBe("text");
    expect(source.text).toContain("“We are pleased to confirm Amazon’s participation,” the company said");
    expect(source.text).toContain("€15 billion upfront");
    expect(source.text).not.toContain("\r");
  });

  it("reads a Windows-1252 HTML page that says so in <meta charset>", async () => {
    const head = utf8('<html><head><meta charset="windows-1252"><title>Caf');
    const rest = utf8("</title></head><body><article><p>Amazon commits ");
    const tail = utf8("15 billion upfront.</p></article></body></html>");
    // "é" 0xE9, "€" 0x80: invalid as UTF-8, so the declared charset applies.
    const bytes = new Uint8Array([...head, 0xe9, ...rest, 0x80, ...tail]);
    const source = await parsed({ bytes, fileName: "page.html" });
    expect(source).toMatchObject({ kind: "html", title: "Café", text: "Amazon commits €15 billion upfront." });
  });

  it("uses the charset of the content type", async () => {
    const bytes = new Uint8Array([...utf8("Z"), 0xfc, ...utf8("rich")]); // "Zürich" in Latin-1
    expect((await parsed({ bytes, contentType: "text/plain; charset=iso-8859-1" })).text).toBe("Zürich");
  });

  it("keeps a .txt file that contains tags as text", async () => {
    const source = await parsed({ bytes: utf8("<p>Literal markup</p> in a text file."), fileName: "notes.txt" });
    expect(source).toMatchObject({ kind: "text", text: "<p>Literal markup</p> in a text file." });
  });

  it("resolves a relative canonical link against the page URL", async () => {
    const bytes = utf8('<html><head><link rel="canonical" href="/story/1"></head><body><p>Story text.</p></body></html>');
    expect((await parsed({ bytes, contentType: "text/html", url: "https://news.example/story/1?utm=x" })).canonicalUrl).toBe("https://news.example/story/1");
  });

  it.skipIf(seedFiles.length === 0)("imports each seed article as .txt with exactly its normalized text", async () => {
    for (const file of seedFiles) {
      const raw = readFileSync(path.join(SEEDS, file));
      const source = await parsed({ bytes: new Uint8Array(raw), fileName: file, contentType: "text/plain" });
      expect(source.kind).toBe("text");
      expect(source.text).toBe(normalizeText(raw.toString("utf8")));
    }
  });
});

describe("parseSource refusals", () => {
  it.each([
    ["a Word document", { bytes: utf8("PK..."), fileName: "article.docx" }, /^Only \.txt, \.md, \.html and \.pdf files can be imported, not \.docx files\.$/],
    ["an image by content type", { bytes: utf8("x"), contentType: "image/png" }, /not files of type image\/png/],
    ["an empty file", { bytes: new Uint8Array(0), fileName: "a.txt" }, /^The file is empty\.$/],
    ["a blank file", { bytes: utf8("  \n\n "), fileName: "a.txt" }, /^The file is empty\.$/],
    ["over 5 MB", { bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), fileName: "a.txt" }, /over 5 MB/],
    ["binary content named .txt", { bytes: new Uint8Array([0x41, 0, 0, 1, 2, 3]), fileName: "a.txt" }, /^This file looks binary, not text\./],
    ["binary content with no name", { bytes: Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256), fileName: null }, /binary/],
    ["a .pdf that is not a PDF", { bytes: utf8("hello"), fileName: "a.pdf" }, /not a PDF/],
    ["a scanned PDF", { bytes: fixture("scanned-no-text.pdf"), fileName: "scan.pdf" }, /no text layer \(scanned\?\)/],
    ["HTML with no text", { bytes: utf8("<html><body><nav>Home</nav></body></html>"), fileName: "a.html" }, /No article text/],
    ["Markdown with only an image", { bytes: utf8("![chart](c.png)"), fileName: "a.md" }, /No text was found/],
  ])("refuses %s", async (_name, input, message) => {
    const result = await parseSource(input);
    expect(result).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(message) });
  });
});

describe("parsePastedText", () => {
  it("normalizes plain text", () => {
    expect(parsePastedText("  OpenAI raised\u00A0$122 billion.\r\n\r\n\r\nIt closed on March 31.  ")).toEqual({
      ok: true,
      data: { kind: "text", text: "OpenAI raised $122 billion.\n\nIt closed on March 31.", title: null, author: null, siteName: null, canonicalUrl: null, publishedAt: null, pageStarts: null },
    });
  });

  it("routes HTML copied from a page through the HTML parser", () => {
    const clipboard = '<meta charset="utf-8"><h1>Round closes</h1><p style="margin:0">OpenAI closed its round at <b>$122 billion</b>.</p><p>Amazon put in $50 billion.</p><script>x()</script>';
    const result = parsePastedText(clipboard);
    expect(result).toMatchObject({ ok: true, data: { kind: "html" } });
    expect(result.ok && result.data.text).toContain("OpenAI closed its round at $122 billion.\n\nAmazon put in $50 billion.");
    expect(result.ok && result.data.text).not.toContain("x()");
  });

  it("routes a full page source through the HTML parser", () => {
    const result = parsePastedText(readFileSync(path.join(__dirname, "fixtures", "tech-blog.html"), "utf8"));
    expect(result).toMatchObject({ ok: true, data: { kind: "html", title: "Why OpenAI’s $122B round is really three numbers", siteName: "TechLedger" } });
  });

  it("keeps text that merely mentions a tag as text", () => {
    expect(parsePastedText("Use the <p> element for paragraphs; 5 < 6 > 4.")).toMatchObject({ ok: true, data: { kind: "text" } });
  });

  it.each([
    ["empty", "", /^The pasted text is empty\.$/],
    ["blank", " \n\t ", /^The pasted text is empty\.$/],
    ["over 5 MB", "a".repeat(5 * 1024 * 1024 + 1), /over 5 MB/],
    ["over 5 MB once encoded as UTF-8", "é".repeat(3 * 1024 * 1024), /over 5 MB/],
  ])("refuses %s", (_name, text, message) => {
    expect(parsePastedText(text)).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(message) });
  });
});

describe("helpers", () => {
  it.each([
    ["<!DOCTYPE html><html>", true],
    ["  <div class='x'>text</div>", true],
    ["Some text <p>para</p> <a href='#'>link</a> more <br>", true],
    ["Plain text with a < b and c > d", false],
    ["Mentions <p> once", false],
    ["# Markdown heading\n\nText", false],
  ])("looksLikeHtml(%j) is %s", (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });

  it("chooseKind returns null (sniff) when nothing is declared", () => {
    expect(chooseKind({ bytes: utf8("text") })).toEqual({ ok: true, data: null });
    expect(chooseKind({ bytes: utf8("text"), fileName: "README" })).toEqual({ ok: true, data: null });
  });
});

describe("parseBulkItem", () => {
  const item = { url: null, title: null, outlet: null, author: null, publishedAt: null, text: null, html: null };

  it("normalizes a line's text and keeps its fields", () => {
    expect(parseBulkItem({ ...item, title: "Closed", outlet: "Wire", publishedAt: "2026-03-31", text: "OpenAI closed\u00A0at $122B.\r\n" })).toEqual({
      ok: true,
      data: { kind: "text", text: "OpenAI closed at $122B.", title: "Closed", author: null, siteName: "Wire", canonicalUrl: null, publishedAt: "2026-03-31", pageStarts: null },
    });
  });

  it("parses a line's HTML; the line's fields win over the page's own metadata", () => {
    const html = readFileSync(path.join(__dirname, "fixtures", "news-wire.html"), "utf8");
    const result = parseBulkItem({ ...item, html, title: "My title", url: "https://mirror.example/x" });
    expect(result).toMatchObject({
      ok: true,
      data: { kind: "html", title: "My title", author: "Jane Doe, Max Roe", siteName: "Global Wire", canonicalUrl: "https://www.globalwire.example/technology/openai-funding-round-2026-02-27/" },
    });
  });

  it("says a URL-only line must be fetched first", () => {
    expect(parseBulkItem({ ...item, url: "https://news.example/a" })).toMatchObject({ ok: false, message: expect.stringMatching(/only a URL/) });
  });
});

describe("chooseKind order", () => {
  const bytes = utf8("x");
  it.each([
    ["a fetched page whose path ends in .pdf but is served as HTML", { fileName: "/wiki/File:Report.pdf", contentType: "text/html" }, "html"],
    ["a .md upload the browser calls text/plain", { fileName: "notes.md", contentType: "text/plain" }, "markdown"],
    ["a .txt upload called text/plain", { fileName: "notes.txt", contentType: "text/plain" }, "text"],
    ["an unknown extension served as text/plain", { fileName: "/article.php", contentType: "text/plain; charset=utf-8" }, "text"],
    ["an unknown extension served as HTML", { fileName: "/article.php", contentType: "text/html" }, "html"],
  ])("%s", (_name, input, kind) => {
    expect(chooseKind({ bytes, ...input })).toEqual({ ok: true, data: kind });
  });
});
