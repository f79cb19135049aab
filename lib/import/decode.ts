import chardet from "chardet";
import iconv from "iconv-lite";
import { fail, ok, type Result } from "@/lib/result";

/** The largest file, page or pasted text that can be imported. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type DecodedText = {
  text: string;
  /** The encoding the bytes were read as, e.g. "utf-8", "utf-16le", "windows-1252". */
  encoding: string;
};

export type DecodeOptions = {
  /**
   * A charset the source declared (HTTP `Content-Type; charset=`, `<meta charset>`). Used only
   * when the bytes carry no BOM and are not valid UTF-8: sites often declare ISO-8859-1 and
   * serve UTF-8, so the bytes win over the label.
   */
  declaredCharset?: string | null;
  maxBytes?: number;
};

/** Western single-byte encodings: all read as Windows-1252, its superset (as browsers do). */
const WESTERN = new Set(["iso-8859-1", "iso-8859-15", "windows-1252", "us-ascii", "ascii", "latin1"]);
/** Multi-byte and Unicode labels that never apply once the bytes failed strict UTF-8. */
const NOT_CANDIDATES = new Set(["utf-8", "ascii", "us-ascii"]);

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** Refusals shared by every kind of import: nothing there, or too much. */
export function checkSize(byteLength: number, maxBytes = MAX_IMPORT_BYTES): Result<null> {
  if (byteLength === 0) return fail("invalid_input", "The file is empty.");
  if (byteLength > maxBytes) {
    return fail(
      "invalid_input",
      `This file is ${formatMegabytes(byteLength)}, over ${formatMegabytes(maxBytes)}, the largest import allowed. Split it or import the article text only.`,
    );
  }
  return ok(null);
}

/**
 * Bytes → string. UTF-8 (with or without BOM), UTF-16 with a BOM, and legacy single-byte text
 * (Windows-1252 / Latin-1, or whatever chardet is sure of) converted with iconv-lite. Binary
 * content is refused rather than turned into garbage. The result is not normalized: parsers
 * call `normalizeText` on their output.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): Result<DecodedText> {
  const size = checkSize(bytes.byteLength, options.maxBytes);
  if (!size.ok) return size;

  const bom = detectBom(bytes);
  if (bom) {
    const text = new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
    if (looksBinaryText(text)) return binary();
    if (text.trim() === "") return fail("invalid_input", "The file is empty.");
    return ok({ text, encoding: bom.encoding });
  }

  if (looksBinaryBytes(bytes)) return binary();

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) {
    if (utf8.trim() === "") return fail("invalid_input", "The file is empty.");
    return ok({ text: utf8, encoding: "utf-8" });
  }

  const encoding = chooseLegacyEncoding(bytes, options.declaredCharset ?? null);
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  if (looksBinaryText(text)) return binary();
  if (text.trim() === "") return fail("invalid_input", "The file is empty.");
  return ok({ text, encoding });
}

function binary() {
  return fail("invalid_input", "This file looks binary, not text. Import .txt, .md, .html or .pdf files.");
}

function detectBom(bytes: Uint8Array): { encoding: "utf-8" | "utf-16le" | "utf-16be"; length: number } | null {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Signatures of common binary formats that might otherwise slip through as "text". */
const MAGIC: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, XLSX, EPUB
  [0x1f, 0x8b], // gzip
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF- (must go to the PDF parser, never be read as text)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xd0, 0xcf, 0x11, 0xe0], // legacy Office (DOC, XLS)
];

/** NUL bytes or many control bytes (other than tab, line breaks, form feed, escape). */
function looksBinaryBytes(bytes: Uint8Array): boolean {
  if (MAGIC.some((sig) => sig.every((byte, i) => bytes[i] === byte))) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) || byte === 0x7f) control++;
  }
  return control / sample.length > 0.01;
}

/** The same test after decoding (UTF-16 text, or a legacy decode full of C1 controls). */
function looksBinaryText(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code < 0xa0) || code === 0xfffd) control++;
  }
  return control / sample.length > 0.01;
}

/**
 * Bytes that are not UTF-8. Western text is by far the most common case and chardet's scores
 * between neighbouring ISO-8859 parts are close, so Windows-1252 wins whenever it is among
 * the plausible candidates; another encoding is used only when the source declared it or
 * chardet is clearly sure of it.
 */
function chooseLegacyEncoding(bytes: Uint8Array, declared: string | null): string {
  const label = declared?.trim().toLowerCase() ?? "";
  if (label && !NOT_CANDIDATES.has(label) && !label.startsWith("utf") && iconv.encodingExists(label)) {
    return WESTERN.has(label) ? "windows-1252" : label;
  }
  const candidates = chardet
    .analyse(bytes.subarray(0, 64 * 1024)) // a sample is as telling as 5 MB, and much faster
    .filter((match) => !NOT_CANDIDATES.has(match.name.toLowerCase()) && !match.name.toLowerCase().startsWith("utf"))
    .filter((match) => iconv.encodingExists(match.name));
  const best = candidates[0];
  if (!best) return "windows-1252";
  const western = candidates.find((match) => WESTERN.has(match.name.toLowerCase()));
  if (WESTERN.has(best.name.toLowerCase())) return "windows-1252";
  if (western && best.confidence - western.confidence <= 10) return "windows-1252";
  if (best.confidence >= 50) return best.name.toLowerCase();
  return "windows-1252";
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? "");
  return match?.[1] ?? null;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=">` in the first 2 KB. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct?.[1] ?? null;
}
