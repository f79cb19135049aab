// Sentence splitting with exact offsets. Every line break ends a sentence (articles put
// headlines, list items and table rows on their own lines); inside a line a sentence ends
// at . ! ? followed by a space and a capital, a digit or a quote, unless the word before
// the period is a known abbreviation ("U.S.", "Inc.", "Feb.") or an initial ("J.").

import type { Sentence, TableContext } from "./types";

const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "corp", "co", "ltd", "llc", "plc",
  "bros", "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "est", "no", "nos", "fig", "jan", "feb",
  "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
  "thu", "thur", "thurs", "fri", "sat", "sun", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt",
  "u.s", "u.k", "u.n", "e.u", "u.s.a", "a.m", "p.m", "dept", "univ", "assn", "ave", "blvd", "rd",
  "vol", "op", "pp", "ed", "eds", "govt", "intl", "natl", "mln", "bln", "ph.d",
]);

/** Abbreviations that also often end a sentence ("... in the U.S. The company ..."). */
const MAY_END_SENTENCE = new Set(["inc", "corp", "co", "ltd", "llc", "plc", "u.s", "u.k", "e.u", "u.n", "etc", "a.m", "p.m", "u.s.a"]);

const SENTENCE_STARTERS = new Set([
  "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "In", "On",
  "At", "But", "And", "However", "Meanwhile", "A", "An", "As", "For", "With", "After", "Before",
  "While", "Some", "Many", "Most", "Shares", "According",
]);

const TERMINATOR = /[.!?\u2026]+["”’')\]]*(?=\s)/g;
const BULLET = /^(?:[-*•·▪►▸‣–—]|\d{1,2}[.)])\s+/;

/** A text may open with an importer's metadata marker such as " date 2026-02-27 ". */
export const LEADING_DATE_MARKER = /^\s*date\s+(\d{4})-(\d{2})-(\d{2})\s+/;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const marker = LEADING_DATE_MARKER.exec(text);
  if (marker) from = marker[0].length;

  let tableHeader: string[] | null = null;
  let inTable = false;
  let lineStart = from;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    if (trimmed.startsWith("|") && trimmed.indexOf("|", 1) > 0) {
      const table = parseTableRow(text, lineStart, lineEnd);
      if (!inTable) {
        inTable = true;
        tableHeader = table.cells.map(([s, e]) => text.slice(s, e));
        pushSpan(out, text, lineStart, lineEnd, { cells: table.cells, header: null });
      } else if (!/^\|?[\s:|-]+$/.test(trimmed)) {
        pushSpan(out, text, lineStart, lineEnd, { cells: table.cells, header: tableHeader });
      }
    } else {
      inTable = false;
      tableHeader = null;
      splitLine(text, lineStart, lineEnd, out);
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

function splitLine(text: string, ls: number, le: number, out: Sentence[]): void {
  const line = text.slice(ls, le);
  let segStart = 0;
  TERMINATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMINATOR.exec(line)) !== null) {
    const end = m.index + m[0].length;
    let next = end;
    while (next < line.length && /\s/.test(line[next] ?? "")) next++;
    if (next >= line.length) break;
    if (!startsSentence(line, next)) continue;
    if (m[0].startsWith(".") && m[0].length === 1 && !periodEnds(line, m.index, next)) continue;
    pushSpan(out, text, ls + segStart, ls + end, null);
    segStart = next;
  }
  pushSpan(out, text, ls + segStart, le, null);
}

function startsSentence(line: string, at: number): boolean {
  const c = line[at] ?? "";
  return /[\p{Lu}\p{N}"“‘'$€£¥]/u.test(c);
}

/** Is the single "." at `dot` a sentence end? */
function periodEnds(line: string, dot: number, next: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(line.slice(Math.max(0, dot - 12), dot));
  if (!before) return true;
  const word = before[1] ?? "";
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith"
  const lower = word.toLowerCase();
  if (!ABBREVIATIONS.has(lower)) return true;
  if (!MAY_END_SENTENCE.has(lower)) return false;
  const nextWord = /^[\p{L}]+/u.exec(line.slice(next))?.[0] ?? "";
  return SENTENCE_STARTERS.has(nextWord);
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\u00a0" || (!!c && c.trim() === "");

function pushSpan(out: Sentence[], text: string, s: number, e: number, table: TableContext | null): void {
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (!table) {
    const bullet = BULLET.exec(text.slice(s, Math.min(e, s + 8)));
    if (bullet && s + bullet[0].length < e) s += bullet[0].length;
  }
  if (e <= s) return;
  const body = text.slice(s, e);
  if (!/[\p{L}\p{N}]/u.test(body)) return;
  out.push({ start: s, end: e, headline: !table && isHeadline(body), table });
}

function parseTableRow(text: string, ls: number, le: number): { cells: Array<[number, number]> } {
  const cells: Array<[number, number]> = [];
  let i = text.indexOf("|", ls);
  while (i >= 0 && i < le) {
    const j = text.indexOf("|", i + 1);
    if (j < 0 || j > le) break;
    let s = i + 1;
    let e = j;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    cells.push([s, e]);
    i = j;
  }
  return { cells };
}

const WORD = /[\p{L}][\p{L}'’\-]*/gu;
const MINOR = new Set(["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs", "via", "up", "per", "but", "nor", "into", "over"]);

/** Headlines and section headings: short lines whose content words are Capitalised. */
export function isHeadline(body: string): boolean {
  if (body.length > 220) return false;
  const words = body.match(WORD) ?? [];
  if (words.length < 2) return false;
  // "Q4 Revenue: $59.9 billion" is a labelled value, not a heading.
  if (/^[^:]{1,40}:\s+[$€£¥+\-−~≈\d]/.test(body)) return false;
  if (/[.!?]["”’)]?$/.test(body) && words.length > 12) return false;
  let content = 0;
  let capital = 0;
  const joined = words.join("");
  const letters = joined.length;
  const upper = joined === joined.toUpperCase() ? letters : 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    if (i === 0 || MINOR.has(w.toLowerCase()) || w.length < 3) continue;
    content++;
    if (/^\p{Lu}/u.test(w) || /^\p{Ll}+\p{Lu}/u.test(w)) capital++;
  }
  if (letters > 3 && upper === letters) return true;
  if (/[.!?:]["”’)]?$/.test(body)) return content >= 3 && capital / content >= 0.75;
  // Short lines: count the first word too ("🚗 Corporate AI Investments").
  const first = words[0] ?? "";
  if (words.length <= 6 && first.length >= 3 && !MINOR.has(first.toLowerCase())) {
    content++;
    if (/^\p{Lu}/u.test(first)) capital++;
  }
  return content >= 2 && capital / content >= 0.75;
}
