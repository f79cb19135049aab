import { createRequire } from "node:module";
import path from "node:path";
import { fail, ok, type Result } from "@/lib/result";
import { toIsoDate } from "./dates";
import { checkSize } from "./decode";
import { normalizeText } from "./normalize";

// PDF → text with Mozilla's pdf.js (legacy build, which runs on Node 20). Wrapped lines of a
// paragraph are joined with a space (the extractor ends a sentence at every line break);
// short lines (headings, list items, a paragraph's last line) keep their line break; a
// vertical gap becomes a blank line; pages are joined with a blank line and `pageStarts`
// gives the offset of each page in the normalized text.

export type ParsedPdf = {
  text: string;
  /** Offset of each page's first character in `text`; an empty page starts where the next one does. */
  pageStarts: number[];
  title: string | null;
  author: string | null;
  /** YYYY-MM-DD, from the info dictionary's CreationDate. */
  publishedAt: string | null;
};

type TextItem = { str: string; transform: number[]; width: number; height: number; hasEOL: boolean };
type Line = { text: string; x: number; right: number; y: number; size: number };

/** Fewer letters and digits than this in the whole document means there is no text layer. */
const MIN_TEXT_CHARS = 20;

export async function parsePdf(bytes: Uint8Array): Promise<Result<ParsedPdf>> {
  const size = checkSize(bytes.byteLength);
  if (!size.ok) return size;
  if (!isPdf(bytes)) return fail("invalid_input", "This file is not a PDF (it doesn't start with %PDF).");

  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    isEvalSupported: false, // never compile code from a PDF (CVE-2024-4367)
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    ...assetUrls(),
  });

  let doc: Awaited<typeof task.promise> | null = null;
  try {
    doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        if ("str" in item) items.push({ str: item.str, transform: item.transform as number[], width: item.width, height: item.height, hasEOL: item.hasEOL });
      }
      pages.push(pageText(items));
      page.cleanup();
    }
    const { text, pageStarts } = joinPages(pages);
    if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_TEXT_CHARS) {
      return fail(
        "invalid_input",
        "This PDF has no text layer (scanned?), so there is no text to import. Run it through OCR first, or paste the article text instead.",
      );
    }
    const info = await readInfo(doc);
    return ok({ text, pageStarts, ...info });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") {
      return fail("invalid_input", "This PDF is password-protected. Remove the password and import it again.");
    }
    return fail("invalid_input", "This PDF could not be read; the file may be damaged. Try re-saving or re-exporting it.");
  } finally {
    if (doc) await doc.destroy();
    else await task.destroy();
  }
}

export function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk (the spec allows it within the first 1024 bytes).
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/** CMaps (CJK fonts) and standard font data shipped with pdfjs-dist, when resolvable on disk. */
function assetUrls(): { cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string } {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    return { cMapUrl: `${root}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${root}/standard_fonts/` };
  } catch {
    return {};
  }
}

function pageText(items: TextItem[]): string {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 10;
    if (current && Math.abs(current.y - y) > size * 0.5) {
      lines.push(current); // moved to another line without an explicit end-of-line
      current = null;
    }
    if (!current) current = { text: "", x, right: x, y, size };
    if (item.str) {
      // pdf.js drops the space between two runs of text on one line; restore it from the gap.
      if (current.text && x - current.right > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += " ";
      current.text += item.str;
      current.right = Math.max(current.right, x + item.width);
    }
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);

  const kept = lines.filter((line) => line.text.trim() !== "");
  if (kept.length === 0) return "";
  const widest = Math.max(...kept.map((line) => line.right - line.x));
  const spacing = typicalSpacing(kept);

  let out = kept[0]?.text.trim() ?? "";
  for (let i = 1; i < kept.length; i++) {
    const previous = kept[i - 1] as Line;
    const line = kept[i] as Line;
    const gap = previous.y - line.y;
    const paragraphGap = gap > spacing * 1.4 || gap < 0; // a blank gap, or a jump up (new column)
    const fullLine = previous.right - previous.x >= widest * 0.85 && Math.abs(previous.size - line.size) < 0.5;
    const text = line.text.trim();
    if (paragraphGap) out += `\n\n${text}`;
    else if (fullLine) out += /[-‐]$/.test(out) ? text : ` ${text}`;
    else out += `\n${text}`;
  }
  return out;
}

/** The most common distance between consecutive baselines on the page. */
function typicalSpacing(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.round(((lines[i - 1] as Line).y - (lines[i] as Line).y) * 2) / 2;
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [gap, count] of counts) {
    if (count > bestCount || (count === bestCount && gap < best)) [best, bestCount] = [gap, count];
  }
  return best || (lines[0]?.size ?? 10) * 1.2;
}

/** Normalizes each page, joins them with a blank line and records where each one starts. */
export function joinPages(pages: string[]): { text: string; pageStarts: number[] } {
  const normalized = pages.map((page) => normalizeText(page));
  const pageStarts: number[] = [];
  let text = "";
  for (const page of normalized) {
    if (page === "") {
      pageStarts.push(-1); // filled in below: an empty page starts where the next text does
      continue;
    }
    if (text) text += "\n\n";
    pageStarts.push(text.length);
    text += page;
  }
  for (let i = pageStarts.length - 1; i >= 0; i--) {
    if (pageStarts[i] === -1) pageStarts[i] = pageStarts[i + 1] ?? text.length;
  }
  // Normalization is applied to the whole text last, as for every import. Pages are already
  // normalized and joined by "\n\n", so it changes nothing; should it ever (a page starting
  // with a combining mark), offsets are re-found in the final text.
  const final = normalizeText(text);
  if (final !== text) {
    let from = 0;
    for (let i = 0; i < normalized.length; i++) {
      const page = normalized[i] ?? "";
      const at = page ? final.indexOf(page.slice(0, 32), from) : -1;
      pageStarts[i] = at >= 0 ? at : Math.min(from, final.length);
      if (at >= 0) from = at;
    }
  }
  return { text: final, pageStarts };
}

async function readInfo(doc: { getMetadata(): Promise<{ info: object }> }): Promise<Omit<ParsedPdf, "text" | "pageStarts">> {
  try {
    const { info } = await doc.getMetadata();
    const field = (key: string) => {
      const value = (info as Record<string, unknown>)[key];
      return typeof value === "string" && value.trim() ? value.replace(/\s+/g, " ").trim() : null;
    };
    const title = field("Title");
    return {
      // Word and layout tools often leave the file name as the title: that is no title.
      title: title && !/^(?:Microsoft Word - |untitled$)|\.(?:docx?|pdf|indd|pages|rtf)$/i.test(title) ? title : null,
      author: field("Author"),
      publishedAt: toIsoDate(field("CreationDate")),
    };
  } catch {
    return { title: null, author: null, publishedAt: null };
  }
}
