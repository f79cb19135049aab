import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { charsetOf, decodeText, MAX_IMPORT_BYTES, sniffHtmlCharset } from "./decode";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, "fixtures", name)));
const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function decoded(input: Uint8Array, declaredCharset?: string) {
  const result = decodeText(input, { declaredCharset });
  if (!result.ok) throw new Error(`expected text, got: ${result.message}`);
  return result.data;
}

describe("decodeText", () => {
  it("reads plain UTF-8", () => {
    expect(decoded(utf8("OpenAI’s $122 billion — café"))).toEqual({ text: "OpenAI’s $122 billion — café", encoding: "utf-8" });
  });

  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const result = decoded(fixture("note-utf8-bom.txt"));
    expect(result.encoding).toBe("utf-8");
    expect(result.text.startsWith("OpenAI’s round")).toBe(true);
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("reads UTF-16 LE with a BOM", () => {
    const result = decoded(fixture("note-utf16le.txt"));
    expect(result.encoding).toBe("utf-16le");
    expect(result.text).toContain("$122 billion — “completed” on March 31.");
    expect(result.text).toContain("Café owners");
  });

  it("reads UTF-16 BE with a BOM", () => {
    const be = bytes(0xfe, 0xff, 0x00, 0x43, 0x00, 0x61, 0x00, 0x66, 0x00, 0xe9);
    expect(decoded(be)).toEqual({ text: "Café", encoding: "utf-16be" });
  });

  it("converts Windows-1252 bytes: curly quotes 0x93/0x94, apostrophe 0x92, € 0x80, é 0xE9, em dash 0x97", () => {
    const raw = fixture("press-release-cp1252.txt");
    expect(raw).toContain(0x93);
    expect(raw).toContain(0x80);
    const result = decoded(raw);
    expect(result.encoding).toBe("windows-1252");
    expect(result.text).toContain("“We are pleased to confirm Amazon’s participation,” the company said");
    expect(result.text).toContain("€15 billion upfront and a further €35 billion contingent on milestones — a structure");
    expect(result.text).toContain("café-table analysts in Zürich called “unusual”");
    expect(result.text).toContain("Renée Dupré");
  });

  it("converts Latin-1 (ISO-8859-1) French text", () => {
    const result = decoded(fixture("dispatch-latin1.txt"));
    expect(result.encoding).toBe("windows-1252");
    expect(result.text).toContain("Dépêche de Genève");
    expect(result.text).toContain("« Nous avons reçu le soutien d'Amazon », a déclaré");
    expect(result.text).toContain("clôturé le 31 mars");
  });

  it("reads a short Latin-1 word that chardet can't be sure of as Windows-1252", () => {
    expect(decoded(bytes(0x63, 0x61, 0x66, 0xe9))).toEqual({ text: "café", encoding: "windows-1252" });
  });

  it("uses a declared charset for bytes that are not UTF-8", () => {
    // "Größe" in ISO-8859-2 and ISO-8859-1 share these bytes; "ł" (0xB3) only exists in 8859-2.
    expect(decoded(bytes(0x57, 0x72, 0x6f, 0x63, 0xb3, 0x61, 0x77), "iso-8859-2").text).toBe("Wrocław");
    expect(decoded(bytes(0x57, 0x72, 0x6f, 0x63, 0xb3, 0x61, 0x77)).text).toBe("Wroc³aw");
  });

  it("trusts valid UTF-8 over a wrong declared charset", () => {
    expect(decoded(utf8("Zürich"), "iso-8859-1")).toEqual({ text: "Zürich", encoding: "utf-8" });
  });

  it.each([
    ["NUL bytes", bytes(0x48, 0x69, 0x00, 0x00, 0x01, 0x02, 0x41)],
    ["a PNG image", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41, 0x42)],
    ["a ZIP (DOCX) archive", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00)],
    ["many control characters", utf8(`text ${"\u0001\u0002\u0003\u0004".repeat(10)} more text`)],
    ["a PDF (which the PDF parser reads, not this)", utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj")],
    ["UTF-16 that decodes to control characters", bytes(0xff, 0xfe, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x41, 0x00)],
  ])("refuses %s as binary", (_name, input) => {
    const result = decodeText(input);
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.message).toMatch(/^This file looks binary, not text\./);
  });

  it("keeps tabs, form feeds and line breaks (not binary)", () => {
    expect(decoded(utf8("a\tb\r\nc\fd")).text).toBe("a\tb\r\nc\fd");
  });

  it.each([
    ["no bytes", new Uint8Array(0)],
    ["only a BOM", bytes(0xef, 0xbb, 0xbf)],
    ["only whitespace", utf8(" \n\t\n ")],
  ])("refuses %s as empty", (_name, input) => {
    expect(decodeText(input)).toEqual({ ok: false, code: "invalid_input", message: "The file is empty." });
  });

  it("refuses more than 5 MB", () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const result = decodeText(big);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/over 5 MB/);
  });

  it("accepts exactly 5 MB", () => {
    expect(decodeText(new Uint8Array(MAX_IMPORT_BYTES).fill(0x61)).ok).toBe(true);
  });
});

describe("charset helpers", () => {
  it.each([
    ["text/html; charset=windows-1252", "windows-1252"],
    ['text/html; charset="ISO-8859-1"', "ISO-8859-1"],
    ["text/plain", null],
    [null, null],
  ])("charsetOf(%s)", (header, expected) => {
    expect(charsetOf(header)).toBe(expected);
  });

  it("sniffs <meta charset> and http-equiv", () => {
    expect(sniffHtmlCharset(utf8('<html><head><meta charset="windows-1252"><title>x</title>'))).toBe("windows-1252");
    expect(sniffHtmlCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'))).toBe("iso-8859-1");
    expect(sniffHtmlCharset(utf8("<html><p>no charset</p>"))).toBeNull();
  });
});
