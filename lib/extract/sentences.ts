// Sentence splitting with exact offsets. Every line break ends a sentence (articles put
// headlines, list items and table rows on their own lines); inside a line a sentence ends
// at . ! ? followed by a space and a capital, a digit or a quote, unless the word before
// the period is a known abbreviation ("U.S.", "Inc.", "Feb.") or an initial ("J.").

import { isSpaceCode } from "./context";
import type { Sentence, TableContext } from "./types";

const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "corp", "co", "ltd", "llc", "plc",
  "bros", "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "est", "no", "nos", "fig", "jan", "feb",
  "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
  "thu", "thur", "thurs", "fri", "sat", "sun", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt",
  "u.s", "u.k", "u.n", "e.u", "u.s.a", "a.m", "p.m", "dept", "univ", "assn", "ave", "blvd", "rd",
  "vol", "op", "pp", "ed", "eds", "govt", "intl", "natl", "mln", "bln", "ph.d", "rs",
]);

/** Lower-casing never shortens a word: a longer one is no abbreviation. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Abbreviations that also often end a sentence ("... in the U.S. The company ..."). */
const MAY_END_SENTENCE = new Set(["inc", "corp", "co", "ltd", "llc", "plc", "u.s", "u.k", "e.u", "u.n", "etc", "a.m", "p.m", "u.s.a"]);

const SENTENCE_STARTERS = new Set([
  "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "In", "On",
  "At", "But", "And", "However", "Meanwhile", "A", "An", "As", "For", "With", "After", "Before",
  "While", "Some", "Many", "Most", "Shares", "According",
]);

const TERMINATOR = /[.!?\u2026]+["”’')\]]*(?=\s)/g;
const BULLET = /^(?:[-*•·▪►▸‣–—]|\d{1,2}[.)])\s+/;
const BULLET_MARKS = new Set([..."-*•·▪►▸‣–—"].map((c) => c.charCodeAt(0)));
/** The first character BULLET needs: a mark or a digit. */
const mayStartBullet = (c: number): boolean => (c >= 48 && c <= 57) || BULLET_MARKS.has(c);

// Made once: a regex literal in a function makes a new RegExp object at every call.
/** A table's rule line, "|---|:--:|". */
const TABLE_RULE = /^\|?[\s:|-]+$/;
/** Outside ASCII, what startsSentence accepts. */
const STARTS_SENTENCE = /[\p{Lu}\p{N}"“‘'$€£¥]/u;
const LETTERS_AND_DOTS_AT_END = /([\p{L}.]+)$/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const LEADING_LETTERS = /^[\p{L}]+/u;

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
    // a table row: its trimmed text starts with "|" and has another
    let first = lineStart;
    while (first < lineEnd && isSpaceCode(text.charCodeAt(first))) first++;
    const bar = first < lineEnd && text.charCodeAt(first) === 124 ? text.indexOf("|", first + 1) : -1;
    if (bar >= 0 && bar < lineEnd) {
      const table = parseTableRow(text, lineStart, lineEnd);
      if (!inTable) {
        inTable = true;
        tableHeader = table.cells.map(([s, e]) => text.slice(s, e));
        pushSpan(out, text, lineStart, lineEnd, { cells: table.cells, header: null });
      } else if (!TABLE_RULE.test(text.slice(lineStart, lineEnd).trim())) {
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
    while (next < line.length && isSpaceCode(line.charCodeAt(next))) next++;
    if (next >= line.length) break;
    if (!startsSentence(line, next)) continue;
    if (m[0].startsWith(".") && m[0].length === 1 && !periodEnds(line, m.index, next)) continue;
    pushCapped(out, text, ls + segStart, ls + end);
    segStart = next;
  }
  pushCapped(out, text, ls + segStart, le);
}

/**
 * Real sentences stay well under this; a longer run is a list or scraped text without full
 * stops. It is cut at a semicolon or comma (else a space) before each limit, so that the work
 * per figure, which grows with the figures around it in its sentence, stays bounded.
 */
const MAX_SENTENCE = 1000;

function pushCapped(out: Sentence[], text: string, s: number, e: number): void {
  while (e - s > MAX_SENTENCE) {
    const window = text.slice(s + MAX_SENTENCE / 2, s + MAX_SENTENCE);
    let cut = Math.max(window.lastIndexOf(";"), window.lastIndexOf(","));
    if (cut < 0) cut = window.lastIndexOf(" ");
    const at = cut < 0 ? s + MAX_SENTENCE : s + MAX_SENTENCE / 2 + cut + 1;
    pushSpan(out, text, s, at, null);
    s = at;
  }
  pushSpan(out, text, s, e, null);
}

function startsSentence(line: string, at: number): boolean {
  const code = line.charCodeAt(at);
  // ASCII by code: a capital, a digit, a quote or "$"
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34 || code === 39 || code === 36;
  const c = line[at] ?? "";
  return STARTS_SENTENCE.test(c);
}

/** Is the single "." at `dot` a sentence end? */
function periodEnds(line: string, dot: number, next: number): boolean {
  const from = Math.max(0, dot - 12);
  const word = asciiLettersAndDotsBefore(line, from, dot) ?? LETTERS_AND_DOTS_AT_END.exec(line.slice(from, dot))?.[1] ?? "";
  if (!word) return true;
  // one capital letter; only a single character or a surrogate pair can be one
  const initial = word.length === 1 && word.charCodeAt(0) < 128 ? word >= "A" && word <= "Z" : word.length <= 2 && ONE_CAPITAL.test(word);
  if (initial) return false; // an initial: "J. Smith"
  if (word.length > LONGEST_ABBREVIATION) return true;
  const lower = word.toLowerCase();
  if (!ABBREVIATIONS.has(lower)) return true;
  if (!MAY_END_SENTENCE.has(lower)) return false;
  const nextWord = LEADING_LETTERS.exec(line.slice(next))?.[0] ?? "";
  return SENTENCE_STARTERS.has(nextWord);
}

/** /([\p{L}.]+)$/u on line.slice(from, to) by character codes ("" for no match), or null when a non-ASCII character needs the regex. */
function asciiLettersAndDotsBefore(line: string, from: number, to: number): string | null {
  let i = to;
  while (i > from) {
    const c = line.charCodeAt(i - 1);
    if (c >= 128) return null;
    if (c !== 46 && ((c | 32) < 97 || (c | 32) > 122)) break;
    i--;
  }
  return line.slice(i, to);
}

function pushSpan(out: Sentence[], text: string, s: number, e: number, table: TableContext | null): void {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (!table) {
    const bullet = mayStartBullet(text.charCodeAt(s)) ? BULLET.exec(text.slice(s, Math.min(e, s + 8))) : null;
    if (bullet && s + bullet[0].length < e) s += bullet[0].length;
  }
  if (e <= s) return;
  if (!hasLetterOrDigit(text, s, e)) return;
  const body = text.slice(s, e);
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
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    cells.push([s, e]);
    i = j;
  }
  return { cells };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function hasLetterOrDigit(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    } else return LETTER_OR_DIGIT.test(text.slice(i, e));
  }
  return false;
}

const MINOR = new Set(["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs", "via", "up", "per", "but", "nor", "into", "over"]);
const LETTER = /\p{L}/u;

/** Up to four ASCII characters, lower-cased, packed into one number (0 when a word does not fit). */
function asciiWordCode(s: string, i: number, j: number): number {
  if (j - i > 4) return 0;
  let code = 0;
  for (let k = i; k < j; k++) {
    let c = s.charCodeAt(k);
    if (c >= 128) return 0;
    if (c >= 65 && c <= 90) c += 32;
    code = code * 128 + c;
  }
  return code;
}
/** The MINOR words by code: MINOR.has(word.toLowerCase()) without slicing the word. */
const MINOR_CODES = new Set([...MINOR].map((w) => asciiWordCode(w, 0, w.length)));
/**
 * A word with a character outside ASCII is never MINOR: no such character lower-cases to a
 * string of ASCII letters that spells one of them.
 */
const isMinorAt = (s: string, i: number, j: number): boolean => MINOR_CODES.has(asciiWordCode(s, i, j));

/** Whether s[i], whose code is c, is a letter (read once: reading a character costs more than testing it). */
const isLetterCode = (s: string, i: number, c: number): boolean => {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) return false; // spaces, dashes, quotes, ellipsis
  return LETTER.test(s[i] as string);
};

/** Headlines and section headings: short lines whose content words are Capitalised. */
export function isHeadline(body: string): boolean {
  if (body.length > 220) return false;
  // A line with a full stop and more than 12 words is a sentence, not a heading: the loop
  // below finds that out, usually early (from three lowercase content words).
  const terminal = endsTerminal(body, false);
  if (terminal && isAsciiLetterCode(body.charCodeAt(0)) && hasThreeLowercaseWords(body)) return false;
  let words = 0;
  let content = 0;
  let capital = 0;
  let letters = 0;
  let firstLen = 0;
  let firstCap = false;
  let firstMinor = false;
  /** content words after the first that start with an ASCII lowercase letter */
  let lowerContent = 0;
  const n = body.length;
  let i = 0;
  while (i < n) {
    const first = body.charCodeAt(i);
    if (!isLetterCode(body, i, first)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < n; j++) {
      const c = body.charCodeAt(j);
      if (!isLetterCode(body, j, c) && !isWordJoinerCode(c)) break;
    }
    const len = j - i;
    letters += len;
    // Whether a word is minor or capitalised counts only for the first word and for content
    // words (three letters or more): shorter words are not looked at.
    if (words === 0) {
      firstLen = len;
      firstCap = isCapitalisedWord(body, i, j, first);
      firstMinor = len <= 4 && isMinorAt(body, i, j);
    } else if (len >= 3 && !(len <= 4 && isMinorAt(body, i, j))) {
      content++;
      if (isCapitalisedWord(body, i, j, first)) capital++;
      else if (isAsciiLowerCode(first)) lowerContent++;
    }
    words++;
    i = j;
    // A line with a full stop is decided early: more than 12 words make it a sentence, and
    // with at most 12 words three lowercase content words already keep the capitalised share
    // under 3/4 (and the line from being all capitals).
    if (terminal && (words > 12 || lowerContent >= 3)) return false;
    // Without one, the capitalised share must reach 3/4 (a lowercase word rules out all
    // capitals): stop once it cannot, even if every word left (each needs a separator and
    // three letters) and the first word counted as capitalised content.
    if (!terminal && lowerContent > 0) {
      const more = (n - j) >> 2;
      if (4 * (capital + more + 1) < 3 * (content + more + 1)) return false;
    }
  }
  if (words < 2) return false;
  if (terminal && words > 12) return false;
  // A labelled value is never a heading: looked for only where the line may still be one.
  if (labelledValue(body)) return false;
  if (letters > 3 && isAllUpper(body)) return true;
  if (terminal || endsTerminal(body, true)) return content >= 3 && capital / content >= 0.75;
  // Short lines: count the first word too ("🚗 Corporate AI Investments").
  if (words <= 6 && firstLen >= 3 && !firstMinor) {
    content++;
    if (firstCap) capital++;
  }
  return content >= 2 && capital / content >= 0.75;
}

/**
 * A word that the loop in isHeadline surely counts as a lowercase content word: after a
 * space, three ASCII lowercase letters and then a fourth or the word's end, and not a minor
 * word. (It may miss some, such as "for-profit": then the loop decides.)
 */
const LOWERCASE_CONTENT_WORD = / (?!(?:the|and|for|with|from|into|over|via|per|but|nor)(?![a-z]))[a-z]{3}(?:[a-z]|(?=[ ,.;:!?)"”]))/g;

/**
 * Whether a line that starts with a letter (so that its first word is not preceded by a
 * space) has three lowercase content words after its first: a sentence, not a heading. Three
 * calls of a pattern cost less than reading the words a character at a time.
 */
function hasThreeLowercaseWords(body: string): boolean {
  LOWERCASE_CONTENT_WORD.lastIndex = 0;
  return LOWERCASE_CONTENT_WORD.test(body) && LOWERCASE_CONTENT_WORD.test(body) && LOWERCASE_CONTENT_WORD.test(body);
}

const isAsciiLetterCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** /[.!?]["”’)]?$/ (with `colon`, /[.!?:]["”’)]?$/) by character codes. */
function endsTerminal(body: string, colon: boolean): boolean {
  const i = body.length - 1;
  if (i < 0) return false;
  let c = body.charCodeAt(i);
  const isEnd = (x: number): boolean => x === 46 || x === 33 || x === 63 || (colon && x === 58);
  if (isEnd(c)) return true;
  if (c === 34 || c === 0x201d || c === 0x2019 || c === 41) {
    if (i === 0) return false;
    c = body.charCodeAt(i - 1);
    return isEnd(c);
  }
  return false;
}

/** body === body.toUpperCase(), without the copy for ASCII text. */
function isAllUpper(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c >= 128) {
      // Upper-casing has no context rules, so the text is unchanged exactly when each
      // character is: one character (a surrogate pair as one) instead of a copy of the line.
      const ch = c >= 0xd800 && c <= 0xdbff ? String.fromCodePoint(body.codePointAt(i) as number) : (body[i] as string);
      if (ch.toUpperCase() !== ch) return false;
      i += ch.length - 1;
    } else if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/**
 * "Q4 Revenue: $59.9 billion" is a labelled value, not a heading: /^[^:]{1,40}:\s+[$€£¥+\-−~≈\d]/
 * by character codes (the first colon, white space, then a sign, a currency or a digit).
 */
function labelledValue(body: string): boolean {
  const colon = body.indexOf(":");
  if (colon < 1 || colon > 40) return false;
  let k = colon + 1;
  if (k >= body.length || !isSpaceCode(body.charCodeAt(k))) return false;
  while (k < body.length && isSpaceCode(body.charCodeAt(k))) k++;
  const c = body.charCodeAt(k);
  // $ € £ ¥ + - − ~ ≈ and ASCII digits
  return (c >= 48 && c <= 57) || c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 43 || c === 45 || c === 0x2212 || c === 126 || c === 0x2248;
}

/** "'", "’" and "-" inside a word ("Nvidia’s", "start-up"). */
const isWordJoinerCode = (c: number): boolean => c === 39 || c === 0x2019 || c === 45;
const isAsciiLowerCode = (c: number): boolean => c >= 97 && c <= 122;

function isUpperAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = s[i] as string;
  return ch !== ch.toLowerCase();
}

/** A capital first letter (its code is `first`), or camel case ("xAI", "iPhone"). */
const isCapitalisedWord = (s: string, i: number, j: number, first: number): boolean =>
  (first < 128 ? first >= 65 && first <= 90 : isUpperAt(s, i)) || (j - i > 1 && camelAt(s, i, j));

/** "xAI", "iPhone": lowercase letters, then a capital within the first four characters. */
function camelAt(s: string, i: number, j: number): boolean {
  for (let k = i + 1; k < Math.min(j, i + 4); k++) if (isUpperAt(s, k)) return true;
  return false;
}
