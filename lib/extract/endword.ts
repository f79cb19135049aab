// Cheap necessary conditions for patterns anchored at the end of a text ("...\s*$"): such a
// pattern is tried from every position, while the last word alone rules most texts out.

import { isSpaceCode } from "./context";

/**
 * The ASCII letters that end s once its trailing white space (/\s/) is dropped (and, with
 * `colon`, then a ":" and the white space before it), lowercased; at most max + 1 of them (so
 * a longer run never equals a word of max letters). Null when a character that a pattern
 * with flags "iu" reads as an ASCII letter ("ſ" as "s", the Kelvin sign as "k") ends or
 * precedes that run: the caller cannot tell, and must try its pattern.
 */
export function endWord(s: string, max: number, colon = false): string | null {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  if (colon && e > 0 && s.charCodeAt(e - 1) === 58) {
    e--;
    while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  }
  let b = e;
  let upper = false;
  while (b > 0 && e - b <= max) {
    const code = s.charCodeAt(b - 1);
    const c = code | 32;
    if (c < 97 || c > 122) break;
    if (code < 97) upper = true;
    b--;
  }
  if (b > 0 && e - b <= max) {
    const c = s.charCodeAt(b - 1);
    if (c === 0x17f || c === 0x212a) return null;
  }
  if (b === e) return "";
  // most words are lowercase already: skip the copy toLowerCase makes
  return upper ? s.slice(b, e).toLowerCase() : s.slice(b, e);
}

/** Could a pattern anchored at the end match s, by its end word (see endWord)? */
export function mayEndIn(s: string, words: Set<string>, max: number, colon = false): boolean {
  const w = endWord(s, max, colon);
  return w === null || words.has(w);
}

/** The last character of s that is not white space (/\s/), as a code; -1 if none. */
export function lastNonSpace(s: string): number {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  return e > 0 ? s.charCodeAt(e - 1) : -1;
}

/**
 * The last words of alternatives such as "up|rose|gains?|edged up": each alternative's last
 * space-separated word, with a trailing optional letter ("gains?") taken both ways.
 */
export function lastWords(alternatives: string): Set<string> {
  const out = new Set<string>();
  for (const alt of alternatives.split("|")) {
    const w = alt.slice(alt.lastIndexOf(" ") + 1).toLowerCase();
    if (!/^[a-z]+\??$/.test(w)) throw new Error(`lastWords: unexpected alternative ${alt}`);
    if (w.endsWith("?")) {
      out.add(w.slice(0, -2));
      out.add(w.slice(0, -1));
    } else out.add(w);
  }
  return out;
}

/** Length of the longest word in a set. */
export function longest(words: Set<string>): number {
  let n = 0;
  for (const w of words) n = Math.max(n, w.length);
  return n;
}
