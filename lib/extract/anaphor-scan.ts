// The anaphor patterns of entities.ts ("the company", "its latest round"), matched without a
// regex scan of every sentence. A global regex finds, from its lastIndex, the leftmost position
// where the pattern matches; here the only positions where a match can start (a word boundary
// before "The/This/That/These/Its") are found with indexOf, and the pattern is matched at each
// by hand for ASCII text. Whenever the hand matcher meets a non-ASCII character it cannot decide
// cheaply (a Unicode letter or space), it asks the same pattern, anchored (sticky), at that
// position: the matches are exactly those of the global regexes.

import { isRegexWordCode } from "./context";

/** The nouns that end an anaphor: one list, for the patterns and for the hand matcher below. */
const COMPANY_HEADS = ["company", "firm", "startup", "start-up", "giant", "maker", "lab", "business", "conglomerate", "chipmaker", "automaker", "carmaker", "developer", "provider", "operator", "retailer", "lender", "insurer", "unicorn", "outfit", "heavyweight", "group", "biotech", "drugmaker", "miner", "airline", "carrier", "utility", "publisher", "shipper", "manufacturer", "supplier", "brewer", "bank", "fintech", "producer"];
const ROUND_HEADS = ["round", "raise", "deal", "financing", "fundraise", "fundraising", "transaction"];

export const COMPANY_ANAPHOR = new RegExp(String.raw`\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\p{L}-]+\s+){0,2}?(?:${COMPANY_HEADS.join("|")})\b`, "gu");
export const ROUND_ANAPHOR = new RegExp(String.raw`\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Ii]ts)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:${ROUND_HEADS.join("|")})\b`, "gu");

const COMPANY_AT = new RegExp(COMPANY_ANAPHOR.source, "uy");
const ROUND_AT = new RegExp(ROUND_ANAPHOR.source, "uy");


/** The head nouns by their first (ASCII) letter, in the pattern's order. */
function byFirst(words: string[]): string[][] {
  const out: string[][] = [];
  for (let c = 0; c < 128; c++) out.push([]);
  for (const w of words) (out[w.charCodeAt(0)] as string[]).push(w);
  return out;
}
const COMPANY_BY_FIRST = byFirst(COMPANY_HEADS);
const ROUND_BY_FIRST = byFirst(ROUND_HEADS);

const UNDECIDED = -2;
/** (restEnds only) a pattern still open. */
const OPEN = -3;

/** An ASCII white-space code (callers handle codes from 128 up apart). */
function isAsciiSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** End of a head noun of `cands` at k, followed by \b; OPEN when none is there. */
function headAt(s: string, k: number, cands: string[]): number {
  if (!cands.length) return OPEN;
  // (every head has two letters or more: the second one is compared before startsWith)
  const second = s.charCodeAt(k + 1);
  for (let h = 0; h < cands.length; h++) {
    const w = cands[h] as string;
    if (w.charCodeAt(1) === second && s.startsWith(w, k) && !isRegexWordCode(s.charCodeAt(k + w.length))) return k + w.length;
  }
  return OPEN;
}

/**
 * End of the match of `\s+(?:[word]+\s+){0,2}?(?:heads)\b` at `k` (just after the determiner),
 * -1 when there is none, UNDECIDED when a non-ASCII character is in the way.
 * `upperToo`: words are [\p{L}-]+ (else [\p{Ll}-]+).
 */
function restEnd(s: string, k: number, heads: string[][], upperToo: boolean): number {
  const n = s.length;
  // \s+ (greedy; what follows starts with a letter, so it takes the whole run)
  let c = s.charCodeAt(k);
  if (c >= 128) return UNDECIDED;
  if (!isAsciiSpaceCode(c)) return -1;
  for (let words = 0; ; words++) {
    while (k < n) {
      c = s.charCodeAt(k);
      if (isAsciiSpaceCode(c)) k++;
      else if (c >= 128) return UNDECIDED;
      else break;
    }
    if (k >= n) return -1;
    // a head noun here (the lazy {0,2}? tries it before another word), then \b
    const end = headAt(s, k, heads[c] as string[]);
    if (end !== OPEN) return end;
    if (words === 2) return -1;
    // one more word: [\p{L}-]+ or [\p{Ll}-]+, then \s+
    const from = k;
    while (k < n) {
      c = s.charCodeAt(k);
      if (c === 45 || (c >= 97 && c <= 122) || (upperToo && c >= 65 && c <= 90)) k++;
      else if (c >= 128) return UNDECIDED;
      else break;
    }
    if (k === from || k >= n) return -1;
    // c: the ASCII character after the word, which must be a space
    if (!isAsciiSpaceCode(c)) return -1;
  }
}

// What restEnds found (read right after the call).
let companyEnd = -1;
let roundEnd = -1;

/**
 * restEnd(s, k, COMPANY_BY_FIRST, true) into companyEnd and restEnd(s, k, ROUND_BY_FIRST, false)
 * into roundEnd, in one walk over the words they share. The round tail's words have no capital:
 * a capital ends it where restEnd would (-1), and the walk goes on for the company tail.
 */
function restEnds(s: string, k: number): void {
  const n = s.length;
  let c = s.charCodeAt(k);
  let company = OPEN;
  let round = OPEN;
  let rest = -1; // what the tails still open get when the walk stops
  if (c >= 128) rest = UNDECIDED;
  else if (isAsciiSpaceCode(c)) {
    walk: for (let words = 0; ; words++) {
      while (k < n) {
        c = s.charCodeAt(k);
        if (isAsciiSpaceCode(c)) k++;
        else if (c >= 128) {
          rest = UNDECIDED;
          break walk;
        } else break;
      }
      if (k >= n) break;
      if (company === OPEN) company = headAt(s, k, COMPANY_BY_FIRST[c] as string[]);
      if (round === OPEN) round = headAt(s, k, ROUND_BY_FIRST[c] as string[]);
      if ((company !== OPEN && round !== OPEN) || words === 2) break;
      const from = k;
      while (k < n) {
        c = s.charCodeAt(k);
        if (c === 45 || (c >= 97 && c <= 122)) k++;
        else if (c >= 65 && c <= 90) {
          if (round === OPEN) round = -1;
          if (company !== OPEN) break walk;
          k++;
        } else if (c >= 128) {
          rest = UNDECIDED;
          break walk;
        } else break;
      }
      if (k === from || k >= n || !isAsciiSpaceCode(c)) break;
    }
  }
  companyEnd = company === OPEN ? rest : company;
  roundEnd = round === OPEN ? rest : round;
}

function matchAt(re: RegExp, s: string, p: number): number {
  re.lastIndex = p;
  const m = re.exec(s);
  return m ? p + m[0].length : -1;
}

/**
 * Every match of COMPANY_ANAPHOR and of ROUND_ANAPHOR in `s` (as a global regex scan from 0 finds
 * them), as flat [start, end] pairs. The candidates, in text order, are the matches of
 * /\b(?:[Tt]h(?:ese|is|at|e))\b/ (`ths`) and of /\b[Ii]ts\b/ (`its`): every position where either
 * pattern can match is one (a determiner followed by a space is a whole word).
 */
export function anaphorMatches(s: string, ths: number[], its: number[], company: number[], round: number[]): void {
  let companyFrom = 0;
  let roundFrom = 0;
  let hi = 0;
  let ti = 0;
  while (hi < ths.length || ti < its.length) {
    if (ti >= its.length || (hi < ths.length && (ths[hi] as number) < (its[ti] as number))) {
      const p = ths[hi++] as number;
      const c2 = s.charCodeAt(p + 2);
      let dl = 0; // [Tt]he, [Tt]his, [Tt]hat
      if (c2 === 101) dl = 3;
      else if ((c2 === 105 && s.charCodeAt(p + 3) === 115) || (c2 === 97 && s.charCodeAt(p + 3) === 116)) dl = 4;
      if (!dl) continue;
      const companyOpen = p >= companyFrom;
      const roundOpen = p >= roundFrom;
      // "[Tt]hese": the round tail starts after it, and no company tail follows "[Tt]he" there
      const these = dl === 3 && s.charCodeAt(p + 3) === 115;
      if (companyOpen && roundOpen && !these) {
        // both tails start at p + dl: one walk
        restEnds(s, p + dl);
      } else {
        companyEnd = companyOpen ? restEnd(s, p + dl, COMPANY_BY_FIRST, true) : -1;
        roundEnd = !roundOpen ? -1 : !these ? restEnd(s, p + dl, ROUND_BY_FIRST, false) : s.charCodeAt(p + 4) === 101 ? restEnd(s, p + 5, ROUND_BY_FIRST, false) : -1;
      }
      if (companyOpen) {
        const e = companyEnd === UNDECIDED ? matchAt(COMPANY_AT, s, p) : companyEnd;
        if (e >= 0) {
          company.push(p, e);
          companyFrom = e;
        }
      }
      if (roundOpen) {
        const e = roundEnd === UNDECIDED ? matchAt(ROUND_AT, s, p) : roundEnd;
        if (e >= 0) {
          round.push(p, e);
          roundFrom = e;
        }
      }
    } else {
      const p = its[ti++] as number;
      if (p < roundFrom) continue;
      let e = restEnd(s, p + 3, ROUND_BY_FIRST, false);
      if (e === UNDECIDED) e = matchAt(ROUND_AT, s, p);
      if (e >= 0) {
        round.push(p, e);
        roundFrom = e;
      }
    }
  }
}
