import { fail, ok, type Result } from "@/lib/result";
import { charsetOf, checkSize, decodeText, MAX_IMPORT_BYTES, sniffHtmlCharset } from "./decode";
import { parseHtml } from "./html";
import type { BulkItem } from "./jsonl";
import { parseMarkdown } from "./markdown";
import { normalizeText } from "./normalize";
import { parsePdf } from "./pdf";

// One entry point for an uploaded file or a fetched page: choose the parser from the bytes,
// the file name and the content type, and return normalized text plus whatever metadata the
// source carries. The researcher can correct the metadata before saving.

export type SourceKind = "text" | "markdown" | "html" | "pdf";

export type ParsedSource = {
  kind: SourceKind;
  /** Normalized (`normalizeText`) text; every offset refers to it. */
  text: string;
  title: string | null;
  author: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  /** PDF only: offset of each page's start in `text`. */
  pageStarts: number[] | null;
};

export type SourceInput = {
  bytes: Uint8Array;
  fileName?: string | null;
  /** As sent by the browser or the server, e.g. "text/html; charset=windows-1252". */
  contentType?: string | null;
  /** Where the bytes came from (URL import): resolves a relative canonical link. */
  url?: string | null;
};

const EXTENSIONS: Record<string, SourceKind> = {
  txt: "text", text: "text",
  md: "markdown", markdown: "markdown", mdown: "markdown", mkd: "markdown",
  html: "html", htm: "html", xhtml: "html",
  pdf: "pdf",
};

const MEDIA_TYPES: Record<string, SourceKind> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
};

/** Content types that say nothing about the content: fall back to sniffing. */
const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown"]);

const EMPTY_META = { title: null, author: null, siteName: null, canonicalUrl: null, publishedAt: null, pageStarts: null };

export async function parseSource(input: SourceInput): Promise<Result<ParsedSource>> {
  const { bytes } = input;
  const size = checkSize(bytes.byteLength);
  if (!size.ok) return size;

  const kind = chooseKind(input);
  if (!kind.ok) return kind;

  if (kind.data === "pdf") {
    const pdf = await parsePdf(bytes);
    if (!pdf.ok) return pdf;
    return ok({ kind: "pdf", ...EMPTY_META, ...pdf.data });
  }

  const declaredCharset = charsetOf(input.contentType) ?? (kind.data === "html" || kind.data === null ? sniffHtmlCharset(bytes) : null);
  const decoded = decodeText(bytes, { declaredCharset });
  if (!decoded.ok) return decoded;
  const text = decoded.data.text;

  switch (kind.data ?? (looksLikeHtml(text) ? "html" : "text")) {
    case "html":
      return fromHtml(text, input.url ?? null);
    case "markdown":
      return fromMarkdown(text);
    default:
      return fromText(text);
  }
}

/** Text pasted into the import box: HTML (copied from a page or its source) or plain text. */
export function parsePastedText(text: string): Result<ParsedSource> {
  if (text.trim() === "") return fail("invalid_input", "The pasted text is empty.");
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).byteLength > MAX_IMPORT_BYTES) {
    return fail("invalid_input", "The pasted text is over 5 MB, the largest import allowed. Split it into smaller parts.");
  }
  return looksLikeHtml(text) ? fromHtml(text, null) : fromText(text);
}

/**
 * One bulk (JSONL) line with its "text" or "html" → a source. Fields given on the line win over
 * what the HTML says about itself ("outlet" is the site name). A line with only a "url" has
 * nothing to parse yet: fetch it (`fetchUrl`) and call `parseSource`, then apply the fields.
 */
export function parseBulkItem(item: BulkItem): Result<ParsedSource> {
  const parsed =
    item.text !== null ? fromText(item.text) : item.html !== null ? fromHtml(item.html, item.url) : fail("invalid_input", "This line has only a URL; fetch the page first.");
  if (!parsed.ok) return parsed;
  return ok(withBulkFields(parsed.data, item));
}

/** The metadata a bulk line states, laid over what the source said about itself. */
export function withBulkFields(source: ParsedSource, item: BulkItem): ParsedSource {
  return {
    ...source,
    title: item.title ?? source.title,
    author: item.author ?? source.author,
    siteName: item.outlet ?? source.siteName,
    canonicalUrl: source.canonicalUrl ?? item.url,
    publishedAt: item.publishedAt ?? source.publishedAt,
  };
}

/**
 * The parser for a file. A PDF signature always wins (the bytes don't lie); then a specific
 * content type (a fetched "/File:Report.pdf" served as text/html is HTML); then the file
 * extension (a ".md" upload the browser calls text/plain is Markdown); then text/plain;
 * `null` means "sniff the decoded text".
 */
export function chooseKind(input: Omit<SourceInput, "url">): Result<SourceKind | null> {
  if (startsWithPdfSignature(input.bytes)) return ok("pdf");
  const extension = extensionOf(input.fileName);
  const mediaType = (input.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const byExtension = extension ? EXTENSIONS[extension] : undefined;
  const byMediaType = MEDIA_TYPES[mediaType];
  if (byMediaType && byMediaType !== "text") return ok(byMediaType);
  if (byExtension) return ok(byExtension);
  if (byMediaType) return ok(byMediaType);
  if (extension || !GENERIC_TYPES.has(mediaType)) {
    const what = extension ? `.${extension} files` : `files of type ${mediaType}`;
    return fail("invalid_input", `Only .txt, .md, .html and .pdf files can be imported, not ${what}.`);
  }
  return ok(null);
}

/** Pasted or untyped text that is HTML: starts with a tag, or has several block tags and a closing one. */
export function looksLikeHtml(text: string): boolean {
  const start = text.trimStart().slice(0, 200);
  if (/^<(?:!doctype\s+html|html|head|body|meta|article|main|section|div|p|h[1-6]|table|ul|ol|blockquote|figure|header|span|b|strong|a|!--)[\s>/]/i.test(start)) {
    return true;
  }
  const sample = text.slice(0, 100_000);
  const tags = sample.match(/<\/?(?:p|div|article|section|br|h[1-6]|li|ul|ol|table|tr|td|span|a|strong|em|b|i|blockquote|figure|img)\b[^<>]*>/gi) ?? [];
  return tags.length >= 3 && /<\/(?:p|div|article|section|li|h[1-6]|a|span|td|blockquote)>/i.test(sample);
}

function startsWithPdfSignature(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < 16 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return [0x25, 0x50, 0x44, 0x46, 0x2d].every((byte, k) => bytes[i + k] === byte); // %PDF-
}

function extensionOf(fileName: string | null | undefined): string | null {
  const base = (fileName ?? "").split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : null;
}

function fromHtml(html: string, url: string | null): Result<ParsedSource> {
  const parsed = parseHtml(html, { url });
  if (!parsed.ok) return parsed;
  return ok({ kind: "html", ...parsed.data, pageStarts: null });
}

function fromMarkdown(markdown: string): Result<ParsedSource> {
  const parsed = parseMarkdown(markdown);
  if (parsed.text === "") return fail("invalid_input", "No text was found in this Markdown file.");
  return ok({ kind: "markdown", ...EMPTY_META, ...parsed });
}

function fromText(raw: string): Result<ParsedSource> {
  const text = normalizeText(raw);
  if (text === "") return fail("invalid_input", "No text was found to import.");
  return ok({ kind: "text", ...EMPTY_META, text });
}
