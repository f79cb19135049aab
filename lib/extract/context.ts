// The text around one figure: left and right windows (cut at clause punctuation and at
// neighbouring figures), the head words right after it, its clause, a list label such as
// "Capital Expenditures:" and, in a table row, the column header.

import type { Figure, Sentence } from "./types";

export type FigureContext = {
  /** sentence text and its absolute start */
  s: string;
  base: number;
  /** figure offsets local to s */
  fs: number;
  fe: number;
  left: string;
  right: string;
  /** right window cut before the first preposition that starts a new phrase ("at", "from") */
  head: string;
  /** end of the head words, local to s */
  headEnd: number;
  clauseStart: number;
  clauseEnd: number;
  clause: string;
  /** the clause, cut at the neighbouring figures and past the previous figure's head words */
  regionStart: number;
  regionEnd: number;
  /** the part of the sentence around the figure between major breaks ("; ", ", while ") */
  major: string;
  /** s.indexOf(major): where the major part is first found in the sentence */
  majorAt: number;
  /** "Capital Expenditures" in "Capital Expenditures: $115-135 billion", or a table column header */
  label: string | null;
  labelEnd: number;
  /** number of figures of the same kind in the sentence */
  sameKind: number;
  /** "revenue grew 44% to $612 million": where the left words start if read through the change before the figure, else null */
  leftThrough: number | null;
};

const MAJOR_BREAK = /;\s|,\s*(?:while|whereas|but|although|though|meanwhile)\b/g;
const HEAD_STOP =
  /[,;:()[\]—–|→]|\.(?:\s|$)|\s(?:at|against|for|from|to|by|with|on|as|than|versus|vs\.?|per|after|before|since|when|while|that|which|and|or|but|if|over|under|into|through|amid|despite|following|because|would|could|will|may|might)\b/;

/** "in a round valuing the company at": a participle with its object starts a new phrase. */
const PARTICIPLE_PHRASE = /\s[a-z]{2,}ing\s+(?:the|its?|a|an|their|his|her|them|him)\b/;

/** Where the head words of the figure before end in the text after it: at HEAD_STOP, or earlier at a participle phrase. */
function prevHeadStop(t: string): RegExpExecArray | null {
  const stop = HEAD_STOP.exec(t);
  if (t.indexOf("ing ") < 0) return stop;
  return PARTICIPLE_PHRASE.exec(stop ? t.slice(0, stop.index) : t) ?? stop;
}

/** "a $100 billion, eight-year agreement": it starts with the comma. */
const COMPOUND_AFTER = /^,\s+(?:[\p{L}\p{N}]+-)+[\p{L}]+\s+[\p{L}-]+/u;

/**
 * The characters whose class may not be 0 (see classifyMarks): the clause marks (ASCII ones
 * and "—", "–", "→", "•"), ":", "-" and ".". A regex finds them: a loop over every character
 * in JavaScript costs several times more, and most characters are none of these.
 */
const CLASS_CANDIDATE = /[,;()[\]|\n:\-.\u2014\u2013\u2192\u2022]/g;

/** The index of the ")" of an acronym in parentheses right after a word ("earnings (EBITDA)"), or -1. */
function acronymGlossEnd(s: string, open: number): number {
  if (open < 2 || s.charCodeAt(open - 1) !== 32 || !isAsciiLetterCode(s.charCodeAt(open - 2))) return -1;
  let j = open + 1;
  while (j < s.length && j - open <= 9 && isAcronymCode(s.charCodeAt(j))) j++;
  const c0 = s.charCodeAt(open + 1);
  return s.charCodeAt(j) === 41 && j - open >= 3 && c0 >= 65 && c0 <= 90 ? j : -1; // ")", two or more characters, a capital first
}
const isAsciiLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAcronymCode = (c: number): boolean => isAsciiLetterCode(c) || (c >= 48 && c <= 57) || c === 38; // letters, digits, "&"

/**
 * Per position of memoMarks (the others are never read): 1 = clause boundary, 2 = colon, 3 =
 * full stop before a space, 0 = other.
 */
let memoS = "";
let memoCls = new Uint8Array(256);
/**
 * The positions CLASS_CANDIDATE found, in order (their class may still be 0): the windows
 * and clauses are found by stepping over these, not over every character.
 */
let memoMarks = new Int32Array(64);
let memoMarkCount = 0;

/** Classes as bits for the searches below: clause boundaries, colons, full stops. */
const BOUNDARY = 1 << 1;
const BOUNDARY_OR_COLON = (1 << 1) | (1 << 2);
const ANY_MARK = (1 << 1) | (1 << 2) | (1 << 3);

/** The index in memoMarks of the first mark at or after p. */
function markIndexFrom(p: number): number {
  let lo = 0;
  let hi = memoMarkCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((memoMarks[mid] as number) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * In the sentence last given to classifyMarks: the first position in [from, to) whose class
 * is one of `want` (bits, as BOUNDARY), or `to` if none (or if from >= to).
 */
function firstMarkIn(from: number, to: number, want: number): number {
  for (let k = markIndexFrom(from); k < memoMarkCount; k++) {
    const p = memoMarks[k] as number;
    if (p >= to) break;
    if ((want >> (memoCls[p] as number)) & 1) return p;
  }
  return Math.max(from, to);
}

/**
 * In the sentence last given to classifyMarks: the index after the last position in
 * [from, to) whose class is one of `want`, or `from` if none; `to` if from >= to. (The start
 * of the words before `to` that reach back to such a mark.)
 */
function afterLastMarkIn(from: number, to: number, want: number): number {
  if (from >= to) return to;
  for (let k = markIndexFrom(to) - 1; k >= 0; k--) {
    const p = memoMarks[k] as number;
    if (p < from) break;
    if ((want >> (memoCls[p] as number)) & 1) return p + 1;
  }
  return from;
}

/**
 * Works out memoMarks and their memoCls for the sentence s, valid until the next sentence: one
 * buffer is reused, not one per sentence.
 */
function classifyMarks(s: string): void {
  if (s === memoS) return;
  if (memoCls.length < s.length + 1) memoCls = new Uint8Array(Math.max(s.length + 1, memoCls.length * 2));
  const cls = memoCls;
  const n = s.length;
  memoMarkCount = 0;
  // test, not exec: no match object; the character is the one before lastIndex
  CLASS_CANDIDATE.lastIndex = 0;
  while (CLASS_CANDIDATE.test(s)) {
    const i = CLASS_CANDIDATE.lastIndex - 1;
    if (memoMarkCount === memoMarks.length) {
      const grown = new Int32Array(memoMarks.length * 2);
      grown.set(memoMarks);
      memoMarks = grown;
    }
    memoMarks[memoMarkCount++] = i;
    const c = s.charCodeAt(i);
    if (c === 58) cls[i] = 2; // ":"
    else if (c === 45) cls[i] = s.charCodeAt(i - 1) === 32 && s.charCodeAt(i + 1) === 32 ? 1 : 0; // " - "
    else if (c === 46) cls[i] = i + 1 >= n || isSpaceCode(s.charCodeAt(i + 1)) ? 3 : 0; // "." before a space or the end
    else cls[i] = 1;
  }
  // "core earnings (EBITDA) rose to ...": an acronym glossing the word before it is read through.
  for (let i = s.indexOf("("); i >= 0; i = s.indexOf("(", i + 1)) {
    const close = acronymGlossEnd(s, i);
    if (close > 0) cls[i] = cls[close] = 0;
  }
  memoS = s;
}

/** `s` is the sentence text, text.slice(sentence.start, sentence.end). */
export function buildContext(s: string, sentence: Sentence, figures: Figure[], index: number): FigureContext {
  const base = sentence.start;
  const f = figures[index] as Figure;
  const fs = f.start - base;
  const fe = f.end - base;
  // A multiple ("Doubles to $12.5 billion") is a word, not a neighbour that bounds the windows of other figures.
  let pi = index - 1;
  while (f.kind !== "multiple" && pi >= 0 && figures[pi]?.kind === "multiple") pi--;
  let ni = index + 1;
  while (f.kind !== "multiple" && ni < figures.length && figures[ni]?.kind === "multiple") ni++;
  // (in range: an index outside an array is slow to read)
  const prev = pi >= 0 ? figures[pi] : undefined;
  const next = ni < figures.length ? figures[ni] : undefined;

  classifyMarks(s);
  const leftLimit = prev ? prev.end - base : 0;
  // HEAD_STOP in the text from the previous figure to this one, where the previous figure's
  // head words end; found once for the left window and the region (undefined: not yet).
  let prevStop: RegExpExecArray | null | undefined;
  let l = afterLastMarkIn(leftLimit, fs, BOUNDARY);
  if (prev && l === leftLimit && prev.kind !== "date") {
    // Skip the previous figure's own head words ("$20 billion close from January and ..."). A
    // date has none: "sales in the weeks to Jan. 2 rose 2.9%" keeps "rose" for the percentage.
    prevStop = prevHeadStop(s.slice(l, fs));
    l = prevStop ? l + prevStop.index : fs;
  }
  const rightLimit = next ? next.start - base : s.length;
  let r = firstMarkIn(fe, rightLimit, ANY_MARK);
  // "a $100 billion, eight-year agreement": an adjective after a comma still belongs to the head.
  const compound = s.charCodeAt(fe) === 44 ? COMPOUND_AFTER.exec(s.slice(fe, Math.min(s.length, fe + 60))) : null; // ","
  if (compound && (!next || next.start - base >= fe + compound[0].length)) {
    r = firstMarkIn(fe + compound[0].length, rightLimit, ANY_MARK);
  }
  const right = s.slice(fe, r);
  const stop = HEAD_STOP.exec(compound ? right.slice(1) : right);
  const headRaw = stop ? right.slice(0, stop.index + (compound ? 1 : 0)) : right;
  const head = firstWords(headRaw, 5);

  const cs = afterLastMarkIn(0, fs, BOUNDARY_OR_COLON);
  const ce = firstMarkIn(fe, s.length, BOUNDARY_OR_COLON);

  let regionStart = cs;
  if (prev && prev.end - base > cs) {
    const prevRight = s.slice(prev.end - base, fs);
    if (prevStop === undefined) prevStop = prevHeadStop(prevRight);
    regionStart = prev.end - base + (prevStop ? prevStop.index : prevRight.length);
  }
  // Do not read into the next figure's own left words ("$700 million at a valuation of $3bn").
  const regionEnd = next && next.start - base < ce ? fe + headRaw.length : ce;

  let ms = 0;
  let me = s.length;
  const breaks = majorBreaks(s);
  for (let k = 0; k < breaks.length; k += 2) {
    const at = breaks[k] as number;
    const end = at + (breaks[k + 1] as number);
    if (end <= fs) ms = end;
    else if (at >= fe) {
      me = at;
      break;
    }
  }

  const major = ms === 0 && me === s.length ? s : s.slice(ms, me);

  let label: string | null = null;
  let labelEnd = -1;
  if (sentence.table) {
    const col = sentence.table.cells.findIndex(([a, b]) => a <= f.start && f.end <= b);
    if (col > 0 && sentence.table.header) label = sentence.table.header[col] ?? null;
  } else {
    const lm = listLabel(s);
    if (lm && lm.end <= fs) {
      label = lm.label;
      labelEnd = lm.end;
    }
  }

  return {
    s,
    base,
    fs,
    fe,
    left: s.slice(l, fs),
    right,
    head,
    headEnd: fe + headRaw.length,
    clauseStart: cs,
    clauseEnd: ce,
    clause: s.slice(cs, ce),
    major,
    // (a part that opens the sentence is first found at 0)
    majorAt: ms === 0 ? 0 : s.indexOf(major),
    regionStart: Math.min(regionStart, fs),
    regionEnd: Math.max(regionEnd, fe),
    label,
    labelEnd,
    sameKind: countKind(figures, f.kind),
    leftThrough: throughChange(s, base, figures, pi, fs) ?? throughAside(s, l),
  };
}

/** An aside between commas that the words before a figure read through ("Net income, which rose, ..."). */
// ("Its common equity tier 1 ratio, a key measure of financial strength, rose to 10.6%": an apposition)
const ASIDE_START = /^\s*(?:which|who|including|excluding|ended|ending|an?|what)\b/i;

/**
 * "Net income for the year, which ended March 31, rose to R$1.87 billion": where the words
 * before the figure start if read through an aside that ends at the comma before its left
 * window (which starts at `l`), else null.
 */
function throughAside(s: string, l: number): number | null {
  if (l < 2 || s.charCodeAt(l - 1) !== 44) return null; // ","
  const p = afterLastMarkIn(0, l - 2, BOUNDARY);
  if (p === 0 || s.charCodeAt(p - 1) !== 44 || !ASIDE_START.test(s.slice(p, l - 1))) return null;
  const k = afterLastMarkIn(0, p - 1, BOUNDARY);
  return k < p - 1 ? k : null;
}

const CHANGE_TO_LEVEL = /^\s+(?:[\p{L}'’-]+\s+){0,4}?to\s+$/u;

function throughChange(s: string, base: number, figures: Figure[], pi: number, fs: number): number | null {
  const prev = pi >= 0 ? figures[pi] : undefined;
  // ("rose 18% to $412.7 million", "narrowed 12 basis points from a year earlier to 3.06%")
  if (!prev || prev.kind !== "percent" || !CHANGE_TO_LEVEL.test(s.slice(prev.end - base, fs))) return null;
  let l = prev.start - base;
  // (read through a date: "revenue for the quarter ended Oct. 31 rose 18% to $412.7 million")
  let li = pi - 1;
  while (li >= 0 && (figures[li] as Figure).kind === "date") li--;
  const limit = li >= 0 ? (figures[li] as Figure).end - base : 0;
  l = afterLastMarkIn(limit, l, BOUNDARY);
  return l;
}

/** /\s/ for one UTF-16 code unit, by code. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** \w of a regex without the u and i flags: [A-Za-z0-9_]. False for NaN (past the end) or -1. */
export function isRegexWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The first n whitespace-separated words of s, joined by single spaces. */
function firstWords(s: string, n: number): string {
  let count = 0;
  let first = -1;
  let last = -1;
  // while every gap between the words so far is one " ", the result is a slice of s
  let single = true;
  let parts: string[] | null = null;
  let i = 0;
  while (i < s.length && count < n) {
    const gap = i;
    while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
    const a = i;
    while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
    if (i > a) {
      if (count === 0) first = a;
      else if (single && !(a - gap === 1 && s.charCodeAt(gap) === 32)) {
        single = false;
        parts = s.slice(first, last).split(" ");
      }
      if (!single) (parts as string[]).push(s.slice(a, i));
      last = i;
      count++;
    }
  }
  if (count === 0) return "";
  return single ? s.slice(first, last) : (parts as string[]).join(" ");
}

// Per sentence (every figure of a sentence asks the same): the major breaks and a list label.
let memoBreaksS = "";
let memoBreaks: number[] = [];
let memoLabelS = "";
let memoLabel: { label: string; end: number } | null = null;

/** Index and length of every MAJOR_BREAK match in s, flattened. */
function majorBreaks(s: string): number[] {
  if (s === memoBreaksS) return memoBreaks;
  const out: number[] = [];
  MAJOR_BREAK.lastIndex = 0;
  let mb: RegExpExecArray | null;
  while ((mb = MAJOR_BREAK.exec(s)) !== null) out.push(mb.index, mb[0].length);
  memoBreaksS = s;
  memoBreaks = out;
  return out;
}

/**
 * "Capital Expenditures: $115-135 billion": a short label before a colon that opens the sentence.
 * That is /^([^:]{1,60}):\s/ with at most six words and no two digits in a row in the label.
 */
function listLabel(s: string): { label: string; end: number } | null {
  if (s === memoLabelS) return memoLabel;
  const colon = s.indexOf(":");
  let ok = colon >= 1 && colon <= 60 && colon + 1 < s.length && isSpaceCode(s.charCodeAt(colon + 1));
  // label.split(/\s+/).length <= 6: a label of at most five runs of white space
  let spaceRuns = 0;
  for (let i = 0; ok && i < colon; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (i === 0 || !isSpaceCode(s.charCodeAt(i - 1))) ok = ++spaceRuns <= 5;
    } else if (c >= 48 && c <= 57 && i > 0) {
      const p = s.charCodeAt(i - 1);
      ok = p < 48 || p > 57; // /\d{2,}/
    }
  }
  memoLabelS = s;
  memoLabel = ok ? { label: s.slice(0, colon), end: colon + 2 } : null;
  return memoLabel;
}

/** The last n characters of s: for patterns anchored at the end, which are tried from every position. */
export function tail(s: string, n: number): string {
  return s.length > n ? s.slice(s.length - n) : s;
}

function countKind(figures: Figure[], kind: Figure["kind"]): number {
  let n = 0;
  for (const g of figures) if (g.kind === kind) n++;
  return n;
}
